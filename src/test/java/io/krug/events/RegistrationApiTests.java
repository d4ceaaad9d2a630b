package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.events.internal.Registration;
import io.krug.events.internal.RegistrationStatus;
import io.krug.events.internal.Registrations;
import io.krug.identity.Role;
import io.krug.test.Http;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class RegistrationApiTests extends EventsTest {

	@Autowired
	ApplicationEvents applicationEvents;

	@Autowired
	EventsApi events;

	@Autowired
	Registrations registrations;

	@Test
	void registersWhileSeatsLastThenWaitlistsInOrder() {
		UUID event = createEvent(eventBody("Дегустация", 2));
		Member first = member();
		Member second = member();
		Member third = member();
		Member fourth = member();

		JsonNode a = http.post("/api/v1/events/" + event + "/register").bearer(first.token()).send().json();
		JsonNode b = register(second, event).json();
		Http.Response c = register(third, event);
		JsonNode d = register(fourth, event).json();

		assertThat(a.path("status").asString()).isEqualTo("confirmed");
		assertThat(a.path("ticket_url").asString()).isEqualTo("/api/v1/events/" + event + "/ticket");
		assertThat(b.path("status").asString()).isEqualTo("confirmed");
		assertThat(c.status()).isEqualTo(201);
		assertThat(c.json().path("status").asString()).isEqualTo("waitlist");
		assertThat(c.json().path("waitlist_position").asInt()).isEqualTo(1);
		assertThat(c.json().has("ticket_url")).isFalse();
		assertThat(d.path("waitlist_position").asInt()).isEqualTo(2);
		JsonNode shown = event(first.token(), event);
		assertThat(shown.path("registered_count").asInt()).isEqualTo(2);
		assertThat(shown.path("seats_left").asInt()).isZero();
		assertThat(shown.path("waitlist_count").asLong()).isEqualTo(2);
	}

	@Test
	void cancellingGivesTheSeatToTheFirstWaitlistedMemberAtOnce() {
		UUID event = createEvent(eventBody("Ужин", 1));
		Member holder = member();
		Member next = member();
		Member later = member();
		for (Member m : java.util.List.of(holder, next, later)) {
			inProgram(program, () -> registrations.register(event, m.id(), false, null, "test"));
		}

		Registration cancelled = inProgram(program, () -> registrations.cancel(event, holder.id(), "test"));

		assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
		assertThat(event(next.token(), event).path("registration_status").asString()).isEqualTo("confirmed");
		assertThat(event(later.token(), event).path("registration_status").asString()).isEqualTo("waitlist");
		assertThat(applicationEvents.stream(PromotedFromWaitlist.class)).singleElement()
			.satisfies(e -> assertThat(e.memberId()).isEqualTo(next.id()));
		assertThat(applicationEvents.stream(EventRegistrationConfirmed.class).map(EventRegistrationConfirmed::memberId))
			.containsExactly(holder.id());
		assertThat(cancel(holder, event).json().path("code").asString()).isEqualTo("not_registered");
		assertThat(register(holder, event).json().path("status").asString()).isEqualTo("waitlist");
	}

	@Test
	void aPlusOneTakesASeatAndIsNotOvertakenInTheWaitlist() {
		Map<String, Object> body = eventBody("Вечер с подругой", 3);
		body.put("allow_plus_one", true);
		UUID event = createEvent(body);
		Member pair = member();
		Member single = member();
		Member waitingPair = member();
		Member waitingSingle = member();

		assertThat(register(pair, event, true).json().path("status").asString()).isEqualTo("confirmed");
		assertThat(register(single, event).json().path("status").asString()).isEqualTo("confirmed");
		assertThat(register(waitingPair, event, true).json().path("status").asString()).isEqualTo("waitlist");
		assertThat(register(waitingSingle, event).json().path("status").asString()).isEqualTo("waitlist");
		cancel(single, event);

		JsonNode shown = event(waitingPair.token(), event);
		assertThat(shown.path("registered_count").asInt()).isEqualTo(2);
		assertThat(shown.path("registration_status").asString()).isEqualTo("waitlist");
		assertThat(event(waitingSingle.token(), event).path("registration_status").asString()).isEqualTo("waitlist");
		cancel(pair, event);
		assertThat(event(waitingPair.token(), event).path("registration_status").asString()).isEqualTo("confirmed");
		assertThat(event(waitingSingle.token(), event).path("registration_status").asString()).isEqualTo("confirmed");
		assertThat(event(admin, event).path("registered_count").asInt()).isEqualTo(3);
	}

	@Test
	void refusesAPlusOneWhereTheEventTakesNone() {
		UUID event = createEvent(eventBody("Без гостей", 5));

		Http.Response refused = register(member(), event, true);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("plus_one_not_allowed");
	}

	@Test
	void membersBelowTheMinimumStatusAreToldWhichStatusItNeeds() {
		Map<String, Object> body = eventBody("Elite-ужин", 5);
		body.put("min_status", "elite");
		UUID event = createEvent(body);

		Http.Response insider = register(member(), event);
		Http.Response vip = register(member(MemberStatus.VIP), event);
		Http.Response elite = register(member(MemberStatus.ELITE), event);
		Http.Response innerCircle = register(member(MemberStatus.INNER_CIRCLE), event);

		assertThat(insider.status()).isEqualTo(403);
		assertThat(insider.text("code")).isEqualTo("status_too_low");
		assertThat(insider.text("required_status")).isEqualTo("elite");
		assertThat(insider.text("detail")).contains("elite");
		assertThat(vip.status()).isEqualTo(403);
		assertThat(elite.status()).isEqualTo(201);
		assertThat(innerCircle.status()).isEqualTo(201);
	}

	@Test
	void aMemberRegistersOnceAndNotAfterTheStart() {
		UUID event = createEvent(eventBody("Однажды", 5));
		Member member = member();
		register(member, event);

		Http.Response again = register(member, event);
		clock.tick(Duration.ofMinutes(11));
		Http.Response late = register(member(), event);
		Http.Response lateCancel = cancel(member, event);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("already_registered");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("code")).isEqualTo("registration_closed");
		assertThat(lateCancel.status()).isEqualTo(409);
		assertThat(http.post("/api/v1/events/" + UUID.randomUUID() + "/register").bearer(member.token()).json(Map.of())
			.send().status()).isEqualTo(404);
		assertThat(http.post("/api/v1/events/" + event + "/register").bearer(admin).json(Map.of()).send().text("code"))
			.isEqualTo("members_only");
	}

	@Test
	void staffOfTheBusinessRegisterAMemberOnTheirBehalfByTheSameRules() {
		UUID business = business("Лисичкино");
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, business);
		String otherManager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, business("Миндаль"));
		Map<String, Object> body = eventBody("У стойки", 1);
		body.put("business_id", business);
		body.put("min_status", "vip");
		UUID event = createEvent(body);
		Member vip = member(MemberStatus.VIP);
		Member insider = member();

		Http.Response registered = http.post("/api/v1/admin/events/" + event + "/registrations")
			.bearer(manager)
			.json(Map.of("member_id", vip.id(), "dietary_restrictions", "вегетарианство"))
			.send();
		Http.Response tooLow = http.post("/api/v1/admin/events/" + event + "/registrations")
			.bearer(manager)
			.json(Map.of("member_id", insider.id()))
			.send();
		Http.Response notTheirs = http.post("/api/v1/admin/events/" + event + "/registrations")
			.bearer(otherManager)
			.json(Map.of("member_id", member(MemberStatus.VIP).id()))
			.send();

		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("status").asString()).isEqualTo("confirmed");
		assertThat(registered.json().path("dietary_restrictions").asString()).isEqualTo("вегетарианство");
		assertThat(event(vip.token(), event).path("is_registered").asBoolean()).isTrue();
		assertThat(tooLow.text("code")).isEqualTo("status_too_low");
		assertThat(notTheirs.text("code")).isEqualTo("not_your_business");
		JsonNode list = http.get("/api/v1/admin/events/" + event + "/registrations").bearer(manager).send().json();
		assertThat(list.path("total").asLong()).isEqualTo(1);
		assertThat(list.path("registrations").get(0).path("member_id").asString()).isEqualTo(vip.id().toString());
	}

	@Test
	void raisingTheCapacityPromotesWaitlistedMembers() {
		UUID event = createEvent(eventBody("Растущий зал", 1));
		Member first = member();
		Member second = member();
		register(first, event);
		register(second, event);

		Http.Response lowered = http.patch("/api/v1/admin/events/" + event)
			.bearer(admin)
			.json(Map.of("max_participants", 2))
			.send();

		assertThat(lowered.status()).isEqualTo(200);
		assertThat(event(second.token(), event).path("registration_status").asString()).isEqualTo("confirmed");
		Http.Response tooSmall = http.patch("/api/v1/admin/events/" + event)
			.bearer(admin)
			.json(Map.of("max_participants", 1))
			.send();
		assertThat(tooSmall.status()).isEqualTo(422);
		assertThat(tooSmall.text("code")).isEqualTo("capacity_below_seats_taken");
	}

	@Test
	void theFacadeCreatesEventsAndRegistersMembersForTheDemoData() {
		Member member = member();
		UUID event = inProgram(program, () -> events.createEvent(new EventsApi.NewEvent("Демо-вечер", "Описание",
				"networking", "free", java.math.BigDecimal.ZERO, local(Duration.ofDays(3)),
				local(Duration.ofDays(3).plusHours(2)), null, 10, MemberStatus.INSIDER, false)));

		EventsApi.Registration registration = inProgram(program, () -> events.register(event, member.id(), false));

		assertThat(registration.status()).isEqualTo("confirmed");
		assertThat(event(member.token(), event).path("organizer").path("type").asString()).isEqualTo("platform");
		assertThat(event(member.token(), event).path("is_registered").asBoolean()).isTrue();
	}
}
