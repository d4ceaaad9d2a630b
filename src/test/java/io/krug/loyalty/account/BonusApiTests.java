package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BonusApiTests extends AccountApiTest {

	static final Duration RETURN_WINDOW = Duration.ofDays(14);

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	Program program;

	JsonNode registration;

	UUID member;

	String token;

	@BeforeEach
	void aMember() {
		program = fixtures.program();
		registration = fixtures.member(program);
		member = UUID.fromString(registration.path("user_id").asString());
		token = registration.path("access_token").asString();
	}

	@Test
	void balanceShowsEarnedBonusesPendingUntilTheReturnWindowHasPassed() {
		UUID cafe = Ids.newId();
		earn(program, member, "100.00", cafe, RETURN_WINDOW, "Кешбэк за ужин");
		earn(program, member, "50.50", cafe, Duration.ZERO, "Подарок");

		Http.Response before = http.get("/api/v1/loyalty/balance").bearer(token).send();
		assertThat(before.status()).as(before.toString()).isEqualTo(200);
		assertThat(before.body()).contains("\"total_bonuses\":150.50", "\"available_bonuses\":50.50",
				"\"pending_bonuses\":100.00");

		clock.tick(RETURN_WINDOW.plusHours(1));
		inProgram(program, () -> ledger.releasePending(clock.instant()));
		JsonNode after = http.get("/api/v1/loyalty/balance").bearer(refreshedToken()).send().json();
		assertThat(after.path("available_bonuses").decimalValue()).isEqualByComparingTo("150.50");
		assertThat(after.path("pending_bonuses").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(after.path("total_bonuses").decimalValue()).isEqualByComparingTo("150.50");
	}

	@Test
	void expiringSoonSumsBonusesPerDayInTheProgramsTimeZone() {
		LocalDate day = LocalDate.ofInstant(clock.instant(), MOSCOW).plusDays(10);
		UUID cafe = Ids.newId();
		// 13:00 and 23:30 in Moscow on the day (20:30 UTC), 00:30 on the next day, and one beyond the 30-day window
		earnExpiring(program, member, "10.00", cafe, day.atTime(13, 0).atZone(MOSCOW).toInstant());
		earnExpiring(program, member, "5.25", cafe, day.atTime(23, 30).atZone(MOSCOW).toInstant());
		earnExpiring(program, member, "7.00", cafe, day.plusDays(1).atTime(0, 30).atZone(MOSCOW).toInstant());
		earnExpiring(program, member, "99.00", cafe, day.plusDays(40).atStartOfDay(MOSCOW).toInstant());

		Http.Response balance = http.get("/api/v1/loyalty/balance").bearer(token).send();

		assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
		assertThat(balance.body()).contains("\"expiring_soon\":[{\"amount\":15.25,\"expires_at\":\"" + day + "\"},"
				+ "{\"amount\":7.00,\"expires_at\":\"" + day.plusDays(1) + "\"}]");
		assertThat(balance.json().path("total_bonuses").decimalValue()).isEqualByComparingTo("121.25");
	}

	@Test
	void transactionsArePagedNewestFirstWithBusinessNamesAndStatus() {
		String admin = fixtures.adminToken(program);
		UUID mindal = business(program, admin, "Салон Миндаль");
		UUID lisichkino = business(program, admin, "Лисичкино");
		clock.set(clock.instant().truncatedTo(ChronoUnit.MILLIS));
		var first = earn(program, member, "120.00", mindal, Duration.ZERO, "Кешбэк за маникюр");
		clock.tick(Duration.ofMinutes(1));
		var second = earn(program, member, "40.00", lisichkino, RETURN_WINDOW, "Кешбэк за ужин");
		clock.tick(Duration.ofMinutes(1));
		var spent = spend(program, member, "30.00", lisichkino);

		JsonNode page = transactions("?limit=2&offset=0");
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("transactions")).hasSize(2);
		JsonNode newest = page.path("transactions").get(0);
		assertThat(newest.path("id").asString()).isEqualTo(spent.transactionId().toString());
		assertThat(newest.path("type").asString()).isEqualTo("spent");
		assertThat(newest.path("amount").decimalValue()).isEqualByComparingTo("-30.00");
		assertThat(newest.path("business_name").asString()).isEqualTo("Лисичкино");
		assertThat(newest.path("description").asString()).isEqualTo("Оплата бонусами");
		assertThat(newest.has("status")).as("a spend has no pending/available status").isFalse();
		JsonNode pending = page.path("transactions").get(1);
		assertThat(pending.path("id").asString()).isEqualTo(second.transactionId().toString());
		assertThat(pending.path("status").asString()).isEqualTo("pending");
		assertThat(pending.path("business_name").asString()).isEqualTo("Лисичкино");

		JsonNode rest = transactions("?limit=2&offset=2");
		assertThat(rest.path("total").asLong()).isEqualTo(3);
		assertThat(rest.path("transactions")).hasSize(1);
		JsonNode oldest = rest.path("transactions").get(0);
		assertThat(oldest.path("id").asString()).isEqualTo(first.transactionId().toString());
		assertThat(oldest.path("type").asString()).isEqualTo("earned");
		assertThat(oldest.path("amount").asString()).isEqualTo("120.00");
		assertThat(oldest.path("business_name").asString()).isEqualTo("Салон Миндаль");
		assertThat(oldest.path("description").asString()).isEqualTo("Кешбэк за маникюр");
		assertThat(oldest.path("status").asString()).isEqualTo("available");
		assertThat(Instant.parse(oldest.path("created_at").asString())).isEqualTo(first.createdAt());
	}

	@Test
	void transactionsFilterByTypeAndRejectAnUnknownType() {
		UUID cafe = Ids.newId();
		earn(program, member, "20.00", cafe, Duration.ZERO, null);
		earn(program, member, "30.00", cafe, Duration.ZERO, null);
		spend(program, member, "5.00", cafe);

		JsonNode spent = transactions("?type=spent");
		assertThat(spent.path("total").asLong()).isEqualTo(1);
		assertThat(spent.path("transactions").get(0).path("type").asString()).isEqualTo("spent");
		JsonNode earned = transactions("?type=earned&limit=50&offset=0");
		assertThat(earned.path("total").asLong()).isEqualTo(2);
		assertThat(earned.path("transactions")).allSatisfy(t -> assertThat(t.path("type").asString()).isEqualTo("earned"));
		assertThat(transactions("?type=").path("total").asLong()).isEqualTo(3);
		assertThat(transactions("?type=expired").path("transactions")).isEmpty();

		Http.Response unknown = http.get("/api/v1/loyalty/transactions?type=gift").bearer(token).send();
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(unknown.text("code")).isEqualTo("validation_failed");
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("type");
		Http.Response tooMany = http.get("/api/v1/loyalty/transactions?limit=201").bearer(token).send();
		assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
	}

	@Test
	void profileShowsTotalBonusesAndTheCardShowsTheSpendableBalance() {
		UUID cafe = Ids.newId();
		earn(program, member, "100.00", cafe, RETURN_WINDOW, null);
		earn(program, member, "25.10", cafe, Duration.ZERO, null);

		Http.Response me = http.get("/api/v1/users/me").bearer(token).send();
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.body()).contains("\"total_bonuses\":125.10");

		Http.Response card = http.get("/api/v1/loyalty/card").bearer(token).send();
		assertThat(card.status()).as(card.toString()).isEqualTo(200);
		assertThat(card.body()).contains("\"balance\":25.10");
	}

	@Test
	void aNewMemberHasZeroBalancesAndAnEmptyHistory() {
		Http.Response balance = http.get("/api/v1/loyalty/balance").bearer(token).send();
		assertThat(balance.body()).contains("\"total_bonuses\":0.00", "\"available_bonuses\":0.00",
				"\"pending_bonuses\":0.00", "\"expiring_soon\":[]");
		assertThat(transactions("").path("total").asLong()).isZero();
	}

	@Test
	void staffHaveNoBonusAccount() {
		String admin = fixtures.adminToken(program);
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, Ids.newId());

		assertThat(http.get("/api/v1/loyalty/balance").bearer(admin).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/transactions").bearer(admin).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/balance").bearer(manager).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/balance").send().status()).isEqualTo(401);
	}

	private JsonNode transactions(String query) {
		Http.Response response = http.get("/api/v1/loyalty/transactions" + query).bearer(token).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return exact(response);
	}

	/** A fresh access token of the member, after the clock moved past the old one's lifetime. */
	private String refreshedToken() {
		Http.Response refreshed = http.post("/api/v1/auth/refresh")
			.program(program.slug())
			.json(Map.of("refresh_token", registration.path("refresh_token").asString()))
			.send();
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		registration = ((tools.jackson.databind.node.ObjectNode) registration).put("refresh_token",
				refreshed.text("refresh_token"));
		return refreshed.text("access_token");
	}
}
