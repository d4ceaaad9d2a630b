package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tickets with QR codes, check-in at the door, and what attendance counts toward. */
class TicketTests extends EventsTest {

	String ticketCode(Member member, UUID event) {
		Http.Response ticket = http.get("/api/v1/events/" + event + "/ticket").bearer(member.token()).send();
		assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
		return ticket.text("ticket_code");
	}

	Http.Response checkIn(String staff, UUID event, String code) {
		return http.post("/api/v1/events/" + event + "/check-ins").bearer(staff).json(Map.of("ticket_code", code)).send();
	}

	@Test
	void aConfirmedRegistrationHasATicketWithAQrCodeAndAWaitlistedOneHasNone() {
		UUID event = createEvent(eventBody("Лекция", 1));
		Member seated = member();
		Member waiting = member();
		register(seated, event);
		register(waiting, event);

		Http.Response ticket = http.get("/api/v1/events/" + event + "/ticket").bearer(seated.token()).send();
		Http.Response none = http.get("/api/v1/events/" + event + "/ticket").bearer(waiting.token()).send();

		assertThat(ticket.status()).isEqualTo(200);
		assertThat(ticket.text("ticket_code")).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
		assertThat(ticket.text("qr_svg")).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path");
		assertThat(none.status()).isEqualTo(409);
		assertThat(none.text("code")).isEqualTo("not_confirmed");
		Http.Response notRegistered = http.get("/api/v1/events/" + event + "/ticket").bearer(member().token()).send();
		assertThat(notRegistered.status()).isEqualTo(404);
		assertThat(notRegistered.text("code")).isEqualTo("not_registered");
	}

	@Test
	void staffOfTheEventsBusinessCheckAMemberInOnce() {
		UUID business = business("Лисичкино");
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, business);
		String stranger = fixtures.staffToken(program, Role.BUSINESS_MANAGER, business("Миндаль"));
		Map<String, Object> body = eventBody("Гастровечер", 10);
		body.put("business_id", business);
		UUID event = createEvent(body);
		Member member = member();
		register(member, event);
		String code = ticketCode(member, event);

		Http.Response notTheirs = checkIn(stranger, event, code);
		Http.Response byMember = checkIn(member.token(), event, code);
		Http.Response unknown = checkIn(manager, event, "0000-0000-0000");
		Http.Response first = checkIn(manager, event, code.toLowerCase().replace("-", ""));
		Http.Response second = checkIn(admin, event, code);

		assertThat(notTheirs.text("code")).isEqualTo("not_your_business");
		assertThat(byMember.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("member_id").asString()).isEqualTo(member.id().toString());
		assertThat(first.json().path("events_attended").asLong()).isEqualTo(1);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("code")).isEqualTo("already_checked_in");
		assertThat(second.json().has("checked_in_at")).isTrue();
		JsonNode me = http.get("/api/v1/users/me").bearer(member.token()).send().json();
		assertThat(me.path("events_attended").asLong()).isEqualTo(1);
	}

	@Test
	void twoDoorsScanningTheSameTicketAtOnceLetItInOnce() throws Exception {
		UUID event = createEvent(eventBody("Две двери", 10));
		Member member = member();
		register(member, event);
		String code = ticketCode(member, event);
		String otherAdmin = fixtures.adminToken(program);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String staff = i % 2 == 0 ? admin : otherAdmin;
			results.add(pool.submit(() -> {
				start.await();
				return checkIn(staff, event, code).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : results) {
			statuses.add(f.get());
		}
		pool.shutdown();

		assertThat(statuses).containsOnlyOnce(201);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
	}

	@Test
	void checkInOpensSixHoursBeforeTheStart() {
		Map<String, Object> body = eventBody("Завтра", 10);
		body.put("starts_at", local(Duration.ofDays(1)).toString());
		body.put("ends_at", local(Duration.ofDays(1).plusHours(2)).toString());
		UUID event = createEvent(body);
		Member member = member();
		register(member, event);

		Http.Response early = checkIn(admin, event, ticketCode(member, event));

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("code")).isEqualTo("check_in_closed");
	}

	@Test
	void theTenthEventAttendedEarnsThePartyGoerBadge() {
		Member member = member();
		for (int i = 1; i <= 10; i++) {
			UUID event = createEvent(eventBody("Вечер " + i, 10));
			register(member, event);
			assertThat(checkIn(admin, event, ticketCode(member, event)).status()).isEqualTo(201);
			boolean holds = badges(member).contains("party_goer");
			assertThat(holds).as("after %d events", i).isEqualTo(i == 10);
		}
		assertThat(http.get("/api/v1/users/me").bearer(member.token()).send().json().path("events_attended").asLong())
			.isEqualTo(10);
	}

	private List<String> badges(Member member) {
		JsonNode list = http.get("/api/v1/loyalty/badges").bearer(member.token()).send().json();
		List<String> keys = new ArrayList<>();
		list.path("badges").forEach(b -> keys.add(b.path("key").asString()));
		return keys;
	}
}
