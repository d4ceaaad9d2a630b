package io.krug.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The amoCRM connector against a WireMock shaped after amoCRM's API v4 (leads with contacts, contacts). */
class AmoCrmSyncTests extends IntegrationsTest {

	UUID amocrm() {
		return integration("amocrm", Map.of("base_url", partner.baseUrl()), Map.of("access_token", "amo-token"));
	}

	String lead(long id, int status, String price, long contact) {
		long at = clock.instant().minus(Duration.ofHours(1)).getEpochSecond();
		return """
				{"id": %d, "name": "Сделка %d", "price": %s, "status_id": %d, "pipeline_id": 3, "closed_at": %d,
				 "updated_at": %d, "_embedded": {"tags": [], "contacts": [{"id": %d, "is_main": true}]}}"""
			.formatted(id, id, price, status, at, at, contact);
	}

	void leads(int page, boolean more, String... leads) {
		String next = more ? ", \"next\": {\"href\": \"" + partner.baseUrl() + "/api/v4/leads?page=" + (page + 1) + "\"}"
				: "";
		partner.stubFor(get(urlPathEqualTo("/api/v4/leads")).withQueryParam("page", equalTo(String.valueOf(page)))
			.willReturn(okJson("{\"_page\": " + page + ", \"_links\": {\"self\": {\"href\": \"x\"}" + next
					+ "}, \"_embedded\": {\"leads\": [" + String.join(",", leads) + "]}}")));
	}

	/** Contacts by id; each phone written as amoCRM keeps it (with spaces). */
	void contacts(String... idAndPhone) {
		String contacts = Arrays.stream(idAndPhone).map(pair -> {
			String[] parts = pair.split("=");
			return """
					{"id": %s, "name": "Анна", "custom_fields_values": [{"field_id": 1, "field_name": "Телефон",
					 "field_code": "PHONE", "values": [{"value": "%s", "enum_code": "WORK"}]}]}""".formatted(parts[0],
					parts[1]);
		}).collect(Collectors.joining(","));
		partner.stubFor(get(urlPathEqualTo("/api/v4/contacts"))
			.willReturn(okJson("{\"_embedded\": {\"contacts\": [" + contacts + "]}}")));
	}

	@Test
	void recordsWonLeadsWithTheirMainContactsPhones() {
		String member = memberPhone();
		leads(1, false, lead(9001, 142, "5000", 77), lead(9002, 20, "700", 78));
		contacts("77=" + member);
		UUID id = amocrm();

		JsonNode after = sync(id);

		JsonNode won = purchase("amocrm:9001");
		assertThat(won.path("status").asString()).isEqualTo("recorded");
		assertThat(won.path("amount").decimalValue()).isEqualByComparingTo("5000");
		assertThat(purchases()).hasSize(1);
		assertThat(after.path("last_run").path("imported").asInt()).isEqualTo(1);
		partner.verify(getRequestedFor(urlPathEqualTo("/api/v4/leads"))
			.withHeader("Authorization", equalTo("Bearer amo-token"))
			.withQueryParam("with", equalTo("contacts"))
			.withQueryParam("filter[updated_at][from]", matching("\\d+")));
	}

	@Test
	void followsTheNextLinkAndSeesEachLeadOnce() {
		String phone = Fixtures.phone();
		leads(1, true, lead(9101, 142, "100", 81));
		leads(2, false, lead(9102, 142, "200", 81));
		contacts("81=" + phone);
		UUID id = amocrm();

		sync(id);
		JsonNode again = sync(id);

		assertThat(purchases()).extracting(p -> p.path("external_id").asString())
			.containsExactlyInAnyOrder("amocrm:9101", "amocrm:9102");
		assertThat(again.path("last_run").path("duplicate").asInt()).isEqualTo(2);
	}

	@Test
	void aLeadMovedToLostRefundsItsPurchase() {
		String phone = memberPhone();
		leads(1, false, lead(9201, 142, "3000", 91));
		contacts("91=" + phone);
		UUID id = amocrm();
		sync(id);

		leads(1, false, lead(9201, 143, "3000", 91));
		sync(id);

		assertThat(purchase("amocrm:9201").path("status").asString()).isEqualTo("refunded");
	}

	@Test
	void anExpiredTokenIsAnAuthError() {
		partner.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"title\": \"Unauthorized\", \"status\": 401}")));
		UUID id = amocrm();

		JsonNode after = sync(id);

		assertThat(after.path("last_error").asString()).startsWith("auth: amoCRM answered HTTP 401");
		assertThat(purchases()).isEmpty();
	}

	@Test
	void aLeadWithoutPriceFailsItsPageWhole() {
		leads(1, false, lead(9301, 142, "100", 95), "{\"id\": 9302, \"status_id\": 142, \"closed_at\": 1}");
		contacts("95=" + Fixtures.phone());
		UUID id = amocrm();

		JsonNode after = sync(id);

		assertThat(after.path("last_error").asString())
			.isEqualTo("malformed: amoCRM answered a lead without a numeric price");
		assertThat(purchases()).isEmpty();
	}

	@Test
	void tooManyRequestsBacksOff() {
		partner.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(429)));
		UUID id = amocrm();

		JsonNode after = sync(id);

		assertThat(after.path("last_error").asString()).startsWith("rate_limited:");
		assertThat(Instant.parse(after.path("next_run_at").asString()))
			.isAfter(clock.instant().plus(Duration.ofSeconds(50)));
	}

	@Test
	void nothingChangedIsNoContent() {
		partner.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));
		UUID id = amocrm();

		JsonNode after = sync(id);

		assertThat(after.path("consecutive_failures").asInt()).isZero();
		assertThat(after.path("last_run").path("fetched").asInt()).isZero();
	}
}
