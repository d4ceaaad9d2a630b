package io.krug.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The YCLIENTS connector against a WireMock shaped after api.yclients.com's records API. */
class YclientsSyncTests extends IntegrationsTest {

	static final String RECORDS = "/api/v1/records/4242";

	UUID yclients() {
		return integration("yclients", Map.of("base_url", partner.baseUrl(), "company_id", "4242"),
				Map.of("partner_token", "partner-secret", "user_token", "user-secret"));
	}

	String record(long id, String phone, String cost, boolean deleted, int attendance, int paid) {
		String at = clock.instant().minus(Duration.ofHours(2)).atOffset(ZoneOffset.ofHours(3)).toString();
		return """
				{"id": %d, "company_id": 4242, "staff_id": 7, "datetime": "%s", "deleted": %s, "attendance": %d,
				 "paid_full": %d, "services": [{"id": 1, "title": "Маникюр", "cost": %s, "first_cost": %s}],
				 "client": {"id": 55, "name": "Анна", "phone": "%s"}}""".formatted(id, at, deleted, attendance, paid,
				cost, cost, phone);
	}

	void page(int page, int total, String... records) {
		partner.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo(String.valueOf(page)))
			.willReturn(okJson("{\"success\": true, \"data\": [" + String.join(",", records) + "], \"meta\": "
					+ "{\"count\": " + total + "}}")));
	}

	@Test
	void recordsPaidVisitsAsPurchasesOfMembersAndUnmatchedPhones() {
		String member = memberPhone();
		String stranger = Fixtures.phone();
		page(1, 3, record(101, member, "3000", false, 1, 1), record(102, stranger, "1500.50", false, 1, 1),
				record(103, member, "999", false, 0, 0));
		UUID id = yclients();

		JsonNode after = sync(id);

		JsonNode matched = purchase("yclients:101");
		assertThat(matched.path("status").asString()).isEqualTo("recorded");
		assertThat(matched.path("member_id").isNull()).isFalse();
		assertThat(matched.path("amount").decimalValue()).isEqualByComparingTo("3000");
		assertThat(matched.path("bonuses_earned").decimalValue()).isPositive();
		assertThat(matched.path("channel").asString()).isEqualTo("integration");
		assertThat(purchase("yclients:102").path("status").asString()).isEqualTo("unmatched");
		assertThat(purchases()).hasSize(2);
		assertThat(after.path("last_run").path("imported").asInt()).isEqualTo(2);
		assertThat(after.path("status").asString()).isEqualTo("active");
		assertThat(after.path("last_success_at").isNull()).isFalse();
		partner.verify(getRequestedFor(urlPathEqualTo(RECORDS))
			.withHeader("Authorization", equalTo("Bearer partner-secret, User user-secret"))
			.withQueryParam("count", equalTo("100")));
	}

	@Test
	void readsEveryPage() {
		page(1, 150, record(201, Fixtures.phone(), "100", false, 1, 1), record(202, Fixtures.phone(), "200", false, 1, 1));
		page(2, 150, record(203, Fixtures.phone(), "300", false, 1, 1));
		UUID id = yclients();

		JsonNode after = sync(id);

		assertThat(purchases()).extracting(p -> p.path("external_id").asString())
			.containsExactlyInAnyOrder("yclients:201", "yclients:202", "yclients:203");
		assertThat(after.path("last_run").path("pages").asInt()).isEqualTo(2);
	}

	@Test
	void aSaleSeenTwiceIsOnePurchase() {
		page(1, 1, record(301, memberPhone(), "1000", false, 1, 1));
		UUID id = yclients();

		sync(id);
		JsonNode second = sync(id);

		assertThat(purchases()).hasSize(1);
		assertThat(second.path("last_run").path("duplicate").asInt()).isEqualTo(1);
		assertThat(second.path("last_run").path("imported").asInt()).isZero();
	}

	@Test
	void aDeletedRecordRefundsItsPurchaseAndALowerAmountRefundsTheDifference() {
		String phone = memberPhone();
		page(1, 2, record(401, phone, "1000", false, 1, 1), record(402, phone, "2000", false, 1, 1));
		UUID id = yclients();
		sync(id);

		page(1, 2, record(401, phone, "1000", true, 1, 1), record(402, phone, "1500", false, 1, 1));
		JsonNode after = sync(id);
		sync(id);

		JsonNode cancelled = purchase("yclients:401");
		assertThat(cancelled.path("status").asString()).isEqualTo("refunded");
		assertThat(cancelled.path("refunded_amount").decimalValue()).isEqualByComparingTo("1000");
		JsonNode lowered = purchase("yclients:402");
		assertThat(lowered.path("refunded_amount").decimalValue()).isEqualByComparingTo("500");
		assertThat(after.path("last_run").path("refunded").asInt()).isEqualTo(2);
	}

	@Test
	void aSaleThePipelineRefusesIsRejectedWithoutFailingTheOthersOrLeakingThePhone() {
		page(1, 2, record(451, "12345", "1000", false, 1, 1), record(452, Fixtures.phone(), "700", false, 1, 1));
		UUID id = yclients();

		JsonNode after = sync(id);

		assertThat(purchases()).extracting(p -> p.path("external_id").asString()).containsExactly("yclients:452");
		assertThat(after.path("last_run").path("rejected").asInt()).isEqualTo(1);
		assertThat(after.path("last_run").path("rejections").get(0).asString())
			.isEqualTo("451: invalid_phone: Invalid phone number");
		assertThat(after.path("consecutive_failures").asInt()).isZero();
	}

	@Test
	void refusedCredentialsAreAClearErrorAndNothingIsRecorded() {
		partner.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"success\": false, \"data\": null, \"meta\": {\"message\": \"Unauthorized\"}}")));
		UUID id = yclients();

		JsonNode after = sync(id);

		assertThat(after.path("last_error").asString()).startsWith("auth: YCLIENTS answered HTTP 401");
		assertThat(after.path("last_error").asString()).doesNotContain("secret");
		assertThat(after.path("consecutive_failures").asInt()).isEqualTo(1);
		assertThat(Instant.parse(after.path("next_run_at").asString()))
			.isAfter(clock.instant().plus(Duration.ofSeconds(50)));
		assertThat(purchases()).isEmpty();
		Http.Response test = http.post("/api/v1/admin/businesses/" + business + "/integrations/" + id + "/test")
			.bearer(admin)
			.send();
		assertThat(test.json().path("ok").asBoolean()).isFalse();
		assertThat(test.json().path("error_kind").asString()).isEqualTo("auth");
	}

	@Test
	void garbageFailsThePageWholeAndKeepsTheWindowForTheNextRun() {
		page(1, 150, record(501, Fixtures.phone(), "100", false, 1, 1));
		partner.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo("2"))
			.willReturn(okJson("{\"success\": true, \"data\": [" + record(502, Fixtures.phone(), "100", false, 1, 1)
					+ ", {\"id\": 503, \"attendance\": 1, \"paid_full\": 1}]}")));
		UUID id = yclients();
		String before = show(id).path("synced_until").asString();

		JsonNode failed = sync(id);

		assertThat(failed.path("last_error").asString()).isEqualTo("malformed: YCLIENTS answered a record without datetime");
		assertThat(failed.path("synced_until").asString()).isEqualTo(before);
		assertThat(purchases()).extracting(p -> p.path("external_id").asString()).containsExactly("yclients:501");

		page(2, 150, record(502, Fixtures.phone(), "100", false, 1, 1));
		JsonNode fixed = sync(id);

		assertThat(fixed.path("last_error").asString()).isNotBlank();
		assertThat(fixed.path("consecutive_failures").asInt()).isZero();
		assertThat(purchases()).extracting(p -> p.path("external_id").asString())
			.containsExactlyInAnyOrder("yclients:501", "yclients:502");
	}

	@Test
	void aRateLimitWaitsAsLongAsTheSystemAsks() {
		partner.stubFor(get(urlPathEqualTo(RECORDS))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		UUID id = yclients();

		JsonNode after = sync(id);

		assertThat(after.path("last_error").asString()).startsWith("rate_limited: YCLIENTS answered HTTP 429");
		assertThat(Instant.parse(after.path("next_run_at").asString()))
			.isAfterOrEqualTo(clock.instant().plus(Duration.ofMinutes(59)));
	}

	@Test
	void settingsAreCheckedAgainstTheSpecAndSecretsNeverLeave() {
		Http.Response missing = create(business, Map.of("system", "yclients", "settings",
				Map.of("base_url", partner.baseUrl()), "secrets", Map.of("partner_token", "p")));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().path("errors").toString()).contains("settings.company_id", "secrets.user_token");

		UUID id = yclients();
		JsonNode shown = show(id);
		assertThat(shown.path("secrets").toString()).isEqualTo("{\"partner_token\":\"set\",\"user_token\":\"set\"}");
		assertThat(shown.toString()).doesNotContain("partner-secret", "user-secret");
		assertThat(create(business, Map.of("system", "nope", "settings", Map.of())).status()).isEqualTo(422);
		assertThat(create(business, Map.of("system", "yclients", "settings", Map.of("base_url", "x", "company_id",
				"1"), "secrets", Map.of("partner_token", "p", "user_token", "u"))).status()).isEqualTo(409);
	}

	@Test
	void businessOwnersConfigureOnlyTheirOwnBusiness() {
		UUID other = business();
		String owner = fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_OWNER, business);
		Map<String, Object> body = Map.of("system", "yclients", "settings", Map.of("base_url", partner.baseUrl(),
				"company_id", "1"), "secrets", Map.of("partner_token", "p", "user_token", "u"));

		Http.Response foreign = http.post("/api/v1/admin/businesses/" + other + "/integrations").bearer(owner)
			.json(body)
			.send();
		Http.Response own = http.post("/api/v1/admin/businesses/" + business + "/integrations").bearer(owner)
			.json(body)
			.send();

		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		Http.Response list = http.get("/api/v1/admin/integrations").bearer(owner).send();
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
		assertThat(list.json().path("items").get(0).path("business_id").asString()).isEqualTo(business.toString());
		assertThat(List.of(http.get("/api/v1/admin/integrations?business_id=" + other).bearer(owner).send().status()))
			.containsExactly(404);
	}
}
