package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.identity.Role;
import io.krug.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventAdminApiTests extends EventsTest {

	@Test
	void anAdminCreatesAnEventInTheProgramsLocalTimeShownAsTheSeedsShape() {
		UUID business = business("Лисичкино");
		LocalDateTime starts = LocalDateTime.of(2031, 12, 5, 19, 0);
		Map<String, Object> body = eventBody("Винный вечер с дегустацией", 20);
		body.putAll(Map.of("format", "paid", "price", "2500.00", "starts_at", starts.toString(), "ends_at",
				starts.plusHours(3).toString(), "business_id", business, "location_address", "ул. Примерная, 10",
				"min_status", "vip", "program",
				List.of(Map.of("time", "19:00", "activity", "Приветственный коктейль")), "speakers",
				List.of(Map.of("name", "Мария Петрова", "title", "Сомелье")), "allow_plus_one", true));
		body.put("paid_cancellation_cutoff_hours", 48);

		Http.Response created = http.post("/api/v1/admin/events").bearer(admin).json(body).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode event = exact(created);
		assertThat(event.path("date").asString()).isEqualTo("2031-12-05T19:00:00");
		assertThat(event.path("ends_at").asString()).isEqualTo("2031-12-05T22:00:00");
		assertThat(event.path("time_zone").asString()).isEqualTo("Europe/Moscow");
		assertThat(event.path("price").decimalValue()).isEqualByComparingTo("2500.00");
		assertThat(event.path("location").path("business_name").asString()).isEqualTo("Лисичкино");
		assertThat(event.path("location").path("address").asString()).isEqualTo("ул. Примерная, 10");
		assertThat(event.path("organizer").path("type").asString()).isEqualTo("business");
		assertThat(event.path("organizer").path("name").asString()).isEqualTo("Лисичкино");
		assertThat(event.path("status_required").asString()).isEqualTo("vip");
		assertThat(event.path("max_participants").asInt()).isEqualTo(20);
		assertThat(event.path("seats_left").asInt()).isEqualTo(20);
		assertThat(event.path("refundable_until").asString()).isEqualTo("2031-12-03T19:00:00");
		assertThat(event.path("program").get(0).path("activity").asString()).isEqualTo("Приветственный коктейль");
		assertThat(event.path("speakers").get(0).path("name").asString()).isEqualTo("Мария Петрова");
		UUID id = UUID.fromString(event.path("id").asString());
		Instant storedStart = inProgram(program, () -> jdbc.sql("SELECT starts_at FROM events.events WHERE id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant());
		assertThat(storedStart).isEqualTo(java.time.Instant.parse("2031-12-05T16:00:00Z"));
	}

	@Test
	void businessOwnersOrganizeEventsAtTheirOwnBusinessOnly() {
		UUID mine = business("Миндаль");
		UUID theirs = business("Лисичкино");
		String owner = fixtures.staffToken(program, Role.BUSINESS_OWNER, mine);
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, mine);

		UUID event = createEvent(owner, eventBody("Маникюр и игристое", 10));
		Map<String, Object> elsewhere = eventBody("Чужой вечер", 10);
		elsewhere.put("business_id", theirs);
		Http.Response refused = http.post("/api/v1/admin/events").bearer(owner).json(elsewhere).send();
		Http.Response byManager = http.post("/api/v1/admin/events").bearer(manager).json(eventBody("x", 5)).send();
		UUID adminsEvent = createEvent(elsewhere);
		Http.Response editOthers = http.patch("/api/v1/admin/events/" + adminsEvent)
			.bearer(owner)
			.json(Map.of("title", "Мой"))
			.send();

		assertThat(event(admin, event).path("location").path("business_id").asString()).isEqualTo(mine.toString());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("code")).isEqualTo("not_your_business");
		assertThat(byManager.status()).isEqualTo(403);
		assertThat(editOthers.status()).isEqualTo(403);
		JsonNode managersList = http.get("/api/v1/admin/events").bearer(manager).send().json();
		assertThat(managersList.path("total").asLong()).isEqualTo(1);
		assertThat(managersList.path("events").get(0).path("id").asString()).isEqualTo(event.toString());
	}

	@Test
	void rejectsInconsistentEvents() {
		Map<String, Object> paidWithoutPrice = eventBody("Платный", 10);
		paidWithoutPrice.put("format", "paid");
		Map<String, Object> closedForInsiders = eventBody("Закрытый", 10);
		closedForInsiders.put("format", "closed");
		Map<String, Object> endsBeforeStart = eventBody("Наоборот", 10);
		endsBeforeStart.put("ends_at", local(Duration.ofMinutes(5)).toString());
		Map<String, Object> inThePast = eventBody("Вчера", 10);
		inThePast.put("starts_at", local(Duration.ofDays(-1)).toString());
		Map<String, Object> badType = eventBody("Тип", 10);
		badType.put("type", "Wine Evening");

		for (Map<String, Object> body : List.of(paidWithoutPrice, closedForInsiders, endsBeforeStart, inThePast,
				badType)) {
			Http.Response refused = http.post("/api/v1/admin/events").bearer(admin).json(body).send();
			assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
			assertThat(refused.text("code")).isIn("invalid_event", "validation_failed");
		}
	}

	@Test
	void patchChangesGivenFieldsAndClearsEmptyTexts() {
		Map<String, Object> body = eventBody("Мастер-класс", 10);
		body.put("description", "Макияж");
		body.put("cover_image_url", "https://cdn.example/cover.jpg");
		UUID event = createEvent(body);

		Http.Response patched = http.patch("/api/v1/admin/events/" + event)
			.bearer(admin)
			.json(Map.of("title", "Мастер-класс по макияжу", "cover_image_url", "", "max_participants", 12))
			.send();

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		JsonNode shown = patched.json();
		assertThat(shown.path("title").asString()).isEqualTo("Мастер-класс по макияжу");
		assertThat(shown.path("description").asString()).isEqualTo("Макияж");
		assertThat(shown.has("cover_image_url")).isFalse();
		assertThat(shown.path("max_participants").asInt()).isEqualTo(12);
	}

	@Test
	void membersSeeEventsWithWhetherTheyMayRegisterAndAnonymousCallersAreTurnedAway() {
		UUID business = business("Лисичкино");
		Map<String, Object> open = eventBody("Открытый вечер", 10);
		open.put("business_id", business);
		UUID openEvent = createEvent(open);
		Map<String, Object> vip = eventBody("VIP-ужин", 10);
		vip.put("min_status", "vip");
		UUID vipEvent = createEvent(vip);
		Member insider = member();
		Member vipMember = member(MemberStatus.VIP);
		assertThat(register(insider, openEvent).status()).isEqualTo(201);

		JsonNode insidersList = http.get("/api/v1/events").bearer(insider.token()).send().json();
		JsonNode vipsView = event(vipMember.token(), vipEvent);
		JsonNode byBusiness = http.get("/api/v1/events?business_id=" + business).bearer(insider.token()).send().json();
		JsonNode mine = http.get("/api/v1/events?registered=true").bearer(insider.token()).send().json();

		assertThat(insidersList.path("total").asLong()).isEqualTo(2);
		JsonNode first = insidersList.path("events").get(0);
		JsonNode second = insidersList.path("events").get(1);
		assertThat(first.path("id").asString()).isEqualTo(openEvent.toString());
		assertThat(first.path("is_registered").asBoolean()).isTrue();
		assertThat(first.path("registration_status").asString()).isEqualTo("confirmed");
		assertThat(first.path("can_register").asBoolean()).isFalse();
		assertThat(first.path("registered_count").asInt()).isEqualTo(1);
		assertThat(second.path("is_registered").asBoolean()).isFalse();
		assertThat(second.path("can_register").asBoolean()).isFalse();
		assertThat(vipsView.path("can_register").asBoolean()).isTrue();
		assertThat(byBusiness.path("total").asLong()).isEqualTo(1);
		assertThat(mine.path("total").asLong()).isEqualTo(1);
		assertThat(http.get("/api/v1/events").send().status()).isEqualTo(401);
		assertThat(http.get("/api/v1/events/" + openEvent).send().status()).isEqualTo(401);
	}

	@Test
	void cancellingAnEventCancelsItsRegistrations() {
		UUID event = createEvent(eventBody("Отменённый вечер", 10));
		Member member = member();
		register(member, event);

		Http.Response cancelled = http.post("/api/v1/admin/events/" + event + "/cancel")
			.bearer(admin)
			.json(Map.of("reason", "Сомелье заболела"))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.json().path("registered_count").asInt()).isZero();
		assertThat(register(member(), event).json().path("code").asString()).isEqualTo("event_cancelled");
		JsonNode registrations = http.get("/api/v1/admin/events/" + event + "/registrations").bearer(admin).send().json();
		assertThat(registrations.path("registrations").get(0).path("cancel_reason").asString())
			.isEqualTo("event_cancelled");
	}
}
