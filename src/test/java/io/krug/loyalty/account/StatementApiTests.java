package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.Source;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lisichkino funds bonuses that are spent at Mindal, both pay the club, and postings fall around the month
 * boundaries of Moscow time (UTC+3).
 */
class StatementApiTests extends AccountApiTest {

	/** 23:30 in Moscow on February 28th. */
	static final Instant FEB_LAST_EVENING = Instant.parse("2026-02-28T20:30:00Z");

	/** 00:30 in Moscow on March 1st, still February in UTC. */
	static final Instant MAR_FIRST_NIGHT = Instant.parse("2026-02-28T21:30:00Z");

	static final Instant MID_MARCH = Instant.parse("2026-03-15T09:00:00Z");

	/** 23:30 in Moscow on March 31st. */
	static final Instant MAR_LAST_EVENING = Instant.parse("2026-03-31T20:30:00Z");

	/** Midnight in Moscow at the start of April 1st. */
	static final Instant APR_MIDNIGHT = Instant.parse("2026-03-31T21:00:00Z");

	Program program;

	String admin;

	UUID lisichkino;

	UUID mindal;

	@BeforeEach
	void aMonthOfCrossRedemptions() {
		program = fixtures.program();
		admin = fixtures.adminToken(program);
		lisichkino = business(program, admin, "Лисичкино");
		mindal = business(program, admin, "Салон Миндаль");
		UUID anna = Ids.newId();
		UUID vera = Ids.newId();
		UUID olga = Ids.newId();

		clock.set(FEB_LAST_EVENING);
		earn(program, vera, "40.00", mindal, Duration.ZERO, null);
		purchase(program, lisichkino, "999.00", "0.00", FEB_LAST_EVENING);
		clock.set(MAR_FIRST_NIGHT);
		earn(program, anna, "200.00", lisichkino, Duration.ZERO, null);
		purchase(program, lisichkino, "4000.00", "0.00", MAR_FIRST_NIGHT);
		clock.set(MID_MARCH);
		spend(program, anna, "80.00", mindal);
		charge(program, Reason.BUDGET_CONTRIBUTION, lisichkino, "20.00");
		charge(program, Reason.COMMISSION, mindal, "5.00");
		purchase(program, mindal, "2000.00", "0.00", MID_MARCH);
		// Olga's bonuses are spent at Mindal, then her purchase at Lisichkino is returned: Lisichkino's loss
		Posting olgaEarned = earn(program, olga, "100.00", lisichkino, Duration.ZERO, null);
		spend(program, olga, "100.00", mindal);
		inProgram(program, () -> ledger.reverseEarn(new ReverseEarnCommand(olgaEarned.transactionId(),
				new BigDecimal("100.00"), Source.refund(Ids.newId()), null, "system", null)));
		clock.set(MAR_LAST_EVENING);
		spend(program, anna, "10.00", mindal);
		purchase(program, lisichkino, "1000.00", "500.00", MAR_LAST_EVENING);
		clock.set(APR_MIDNIGHT);
		spend(program, anna, "7.00", mindal);
		purchase(program, lisichkino, "300.00", "0.00", APR_MIDNIGHT);
		clock.reset();
	}

	@Test
	void theFundersStatementShowsWhatItOwesThePartnerWhereItsBonusesWereSpent() {
		JsonNode march = statement(admin, lisichkino, "2026-03");

		assertThat(march.path("business_name").asString()).isEqualTo("Лисичкино");
		assertThat(march.path("month").asString()).isEqualTo("2026-03");
		assertThat(march.path("time_zone").asString()).isEqualTo("Europe/Moscow");
		assertThat(Instant.parse(march.path("from").asString())).isEqualTo(Instant.parse("2026-02-28T21:00:00Z"));
		assertThat(Instant.parse(march.path("to").asString())).isEqualTo(APR_MIDNIGHT);
		assertThat(march.path("purchases").toString())
			.isEqualTo("{\"count\":2,\"volume\":5000.00,\"refunded\":500.00}");
		assertThat(march.path("bonuses").toString())
			.isEqualTo("{\"funded\":300.00,\"redeemed\":0.00,\"expired\":0.00}");
		assertThat(march.path("partners")).hasSize(1);
		assertThat(march.path("partners").get(0).toString()).isEqualTo("{\"business_id\":\"" + mindal
				+ "\",\"name\":\"Салон Миндаль\",\"direction\":\"payable\",\"amount\":190.00}");
		assertThat(march.path("club").path("direction").asString()).isEqualTo("payable");
		assertThat(march.path("club").path("name").asString()).isEqualTo(program.name());
		assertThat(march.path("club").path("amount").asString()).isEqualTo("20.00");
		assertThat(march.path("commission").asString()).isEqualTo("0.00");
		assertThat(march.path("events_budget").asString()).isEqualTo("20.00");
		assertThat(march.path("losses").asString()).isEqualTo("100.00");
		assertThat(march.path("net").asString()).isEqualTo("-210.00");
		assertThat(march.path("settlement_balance").asString()).isEqualTo("-210.00");
		assertNetIsTheSumOfTheRows(march);
	}

	@Test
	void theRedeemersStatementShowsTheSamePayableAsAReceivable() {
		String owner = fixtures.staffToken(program, Role.BUSINESS_OWNER, mindal);

		JsonNode march = statement(owner, mindal, "2026-03");

		assertThat(march.path("purchases").toString())
			.isEqualTo("{\"count\":1,\"volume\":2000.00,\"refunded\":0.00}");
		assertThat(march.path("bonuses").toString())
			.as("Mindal's own 40.00 were funded at 23:30 on February 28th, Moscow time")
			.isEqualTo("{\"funded\":0.00,\"redeemed\":190.00,\"expired\":0.00}");
		assertThat(march.path("partners").get(0).toString()).isEqualTo("{\"business_id\":\"" + lisichkino
				+ "\",\"name\":\"Лисичкино\",\"direction\":\"receivable\",\"amount\":190.00}");
		assertThat(march.path("club").toString())
			.isEqualTo("{\"name\":\"" + program.name() + "\",\"direction\":\"payable\",\"amount\":5.00}");
		assertThat(march.path("commission").asString()).isEqualTo("5.00");
		assertThat(march.path("events_budget").asString()).isEqualTo("0.00");
		assertThat(march.path("losses").asString()).isEqualTo("0.00");
		assertThat(march.path("net").asString()).isEqualTo("185.00");
		assertNetIsTheSumOfTheRows(march);
	}

	@Test
	void postingsBelongToTheMonthOfTheProgramsTimeZone() {
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, mindal);

		JsonNode february = statement(manager, mindal, "2026-02");
		JsonNode april = statement(manager, mindal, "2026-04");

		assertThat(february.path("bonuses").path("funded").asString()).isEqualTo("40.00");
		assertThat(february.path("partners")).isEmpty();
		assertThat(february.path("club").toString())
			.isEqualTo("{\"name\":\"" + program.name() + "\",\"direction\":\"none\",\"amount\":0.00}");
		assertThat(april.path("bonuses").path("redeemed").asString()).isEqualTo("7.00");
		assertThat(april.path("partners").get(0).path("amount").asString()).isEqualTo("7.00");
		assertThat(april.path("net").asString()).isEqualTo("7.00");
		assertThat(april.path("settlement_balance").asString()).as("March's 185.00 is still unpaid")
			.isEqualTo("192.00");
		assertThat(statement(admin, lisichkino, "2026-04").path("purchases").path("count").asLong()).isEqualTo(1);
		assertThat(statement(admin, lisichkino, "2026-02").path("purchases").path("volume").asString())
			.isEqualTo("999.00");
	}

	@Test
	void adminsSeeEveryPayableOfTheMonthWithNames() {
		Http.Response response = http.get("/api/v1/admin/ledger/settlement?month=2026-03").bearer(admin).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode settlement = exact(response);
		assertThat(settlement.path("total").asLong()).isEqualTo(3);
		assertThat(settlement.path("payables"))
			.extracting(p -> p.path("payer_name").asString() + " -> " + p.path("payee_name").asString() + " ("
					+ p.path("payee_type").asString() + "): " + p.path("amount").asString())
			.containsExactlyInAnyOrder("Лисичкино -> Салон Миндаль (business): 190.00",
					"Лисичкино -> " + program.name() + " (club): 20.00",
					"Салон Миндаль -> " + program.name() + " (club): 5.00");
		JsonNode april = exact(http.get("/api/v1/admin/ledger/settlement?month=2026-04").bearer(admin).send());
		assertThat(april.path("payables")).hasSize(1);
		assertThat(april.path("payables").get(0).path("amount").asString()).isEqualTo("7.00");
	}

	@Test
	void onlyTheBusinesssOwnStaffAndAdminsReadItsStatement() {
		String mindalOwner = fixtures.staffToken(program, Role.BUSINESS_OWNER, mindal);
		String lisichkinoManager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, lisichkino);
		String member = fixtures.memberToken(program);
		String path = "/api/v1/businesses/" + lisichkino + "/statement?month=2026-03";

		Http.Response foreign = http.get(path).bearer(mindalOwner).send();
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		assertThat(foreign.text("code")).isEqualTo("business_not_found");
		assertThat(http.get(path).bearer(lisichkinoManager).send().status()).isEqualTo(200);
		assertThat(http.get(path).bearer(member).send().status()).isEqualTo(403);
		assertThat(http.get(path).send().status()).isEqualTo(401);
		assertThat(http.get("/api/v1/businesses/" + Ids.newId() + "/statement").bearer(admin).send().status())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/admin/ledger/settlement").bearer(mindalOwner).send().status()).isEqualTo(403);
	}

	@Test
	void rejectsAMonthThatIsNotYearDashMonth() {
		for (String month : new String[] { "2026-13", "2026-3", "march", "2026-03-01" }) {
			Http.Response response = http.get("/api/v1/businesses/" + lisichkino + "/statement?month=" + month)
				.bearer(admin)
				.send();
			assertThat(response.status()).as(month + ": " + response).isEqualTo(422);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("month");
		}
		assertThat(http.get("/api/v1/admin/ledger/settlement?month=26-03").bearer(admin).send().status())
			.isEqualTo(422);
		assertThat(statement(admin, lisichkino, null).path("month").asString())
			.as("the current month in Moscow").isEqualTo(java.time.YearMonth.from(
					clock.instant().atZone(java.time.ZoneId.of("Europe/Moscow"))).toString());
	}

	private JsonNode statement(String token, UUID business, String month) {
		Http.Response response = http
			.get("/api/v1/businesses/" + business + "/statement" + (month == null ? "" : "?month=" + month))
			.bearer(token)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return exact(response);
	}

	private static void assertNetIsTheSumOfTheRows(JsonNode statement) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode row : statement.path("partners")) {
			sum = sum.add(signed(row));
		}
		sum = sum.add(signed(statement.path("club")));
		assertThat(statement.path("net").decimalValue()).isEqualByComparingTo(sum);
	}

	private static BigDecimal signed(JsonNode row) {
		BigDecimal amount = row.path("amount").decimalValue();
		return "payable".equals(row.path("direction").asString()) ? amount.negate() : amount;
	}
}
