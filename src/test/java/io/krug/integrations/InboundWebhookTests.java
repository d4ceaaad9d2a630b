package io.krug.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pushes from YCLIENTS (JSON) and amoCRM (form-encoded), proven by the integration's webhook token. */
class InboundWebhookTests extends IntegrationsTest {

	String webhookPath(UUID id) {
		URI url = URI.create(show(id).path("webhook_url").asString());
		return url.getRawPath() + "?" + url.getRawQuery();
	}

	Http.Response push(String path, String contentType, String body) {
		return http.post(path).body(contentType, body.getBytes(StandardCharsets.UTF_8)).send();
	}

	String yclientsRecord(String phone, boolean deleted) {
		String at = clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(3)).toString();
		return """
				{"company_id": 4242, "resource": "record", "resource_id": 777, "status": "%s",
				 "data": {"id": 777, "company_id": 4242, "datetime": "%s", "deleted": %s, "attendance": 1,
				  "paid_full": 1, "services": [{"id": 1, "cost": 2500}], "client": {"id": 5, "phone": "%s"}}}"""
			.formatted(deleted ? "delete" : "update", at, deleted, phone);
	}

	@Test
	void aYclientsPushRecordsTheRecordOnceAndItsDeletionRefundsIt() {
		UUID id = integration("yclients", Map.of("base_url", partner.baseUrl(), "company_id", "4242"),
				Map.of("partner_token", "p", "user_token", "u"));
		String path = webhookPath(id);
		String phone = memberPhone();

		Http.Response first = push(path, "application/json", yclientsRecord(phone, false));
		Http.Response again = push(path, "application/json", yclientsRecord(phone, false));

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("imported").asInt()).isEqualTo(1);
		assertThat(again.json().path("duplicate").asInt()).isEqualTo(1);
		assertThat(purchases()).hasSize(1);

		push(path, "application/json", yclientsRecord(phone, true));
		assertThat(purchase("yclients:777").path("status").asString()).isEqualTo("refunded");
	}

	@Test
	void aWrongOrMissingTokenIsRejectedAndRecordsNothing() {
		UUID id = integration("yclients", Map.of("base_url", partner.baseUrl(), "company_id", "4242"),
				Map.of("partner_token", "p", "user_token", "u"));
		String body = yclientsRecord(memberPhone(), false);

		Http.Response wrong = push("/api/v1/integrations/" + id + "/webhook?token=guess", "application/json", body);
		Http.Response none = push("/api/v1/integrations/" + id + "/webhook", "application/json", body);
		Http.Response unknown = push("/api/v1/integrations/" + UUID.randomUUID() + "/webhook?token=x",
				"application/json", body);

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().path("code").asString()).isEqualTo("webhook_rejected");
		assertThat(none.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(purchases()).isEmpty();
		assertThat(push(webhookPath(id), "application/json", "not json").status()).isEqualTo(400);
	}

	@Test
	void anAmoCrmPushFetchesTheNamedLeadsAndRecordsTheWonOne() {
		UUID id = integration("amocrm", Map.of("base_url", partner.baseUrl()), Map.of("access_token", "t"));
		String phone = memberPhone();
		long at = clock.instant().minus(Duration.ofMinutes(5)).getEpochSecond();
		partner.stubFor(get(urlPathEqualTo("/api/v4/leads")).withQueryParam("filter[id][]", equalTo("555"))
			.willReturn(okJson("""
					{"_embedded": {"leads": [{"id": 555, "price": 4200, "status_id": 142, "closed_at": %d,
					 "updated_at": %d, "_embedded": {"contacts": [{"id": 9, "is_main": true}]}}]}}""".formatted(at, at))));
		partner.stubFor(get(urlPathEqualTo("/api/v4/contacts")).willReturn(okJson("""
				{"_embedded": {"contacts": [{"id": 9, "custom_fields_values": [{"field_code": "PHONE",
				 "values": [{"value": "%s"}]}]}]}}""".formatted(phone))));
		String form = "leads%5Bstatus%5D%5B0%5D%5Bid%5D=555&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142"
				+ "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=3&account%5Bsubdomain%5D=salon&account%5Bid%5D=1";

		Http.Response pushed = push(webhookPath(id), "application/x-www-form-urlencoded", form);
		push(webhookPath(id), "application/x-www-form-urlencoded", form);

		assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
		assertThat(pushed.json().path("imported").asInt()).isEqualTo(1);
		assertThat(purchase("amocrm:555").path("amount").decimalValue()).isEqualByComparingTo("4200");
		assertThat(purchases()).hasSize(1);

		push(webhookPath(id), "application/x-www-form-urlencoded", "leads%5Bdelete%5D%5B0%5D%5Bid%5D=555");
		assertThat(purchase("amocrm:555").path("status").asString()).isEqualTo("refunded");
	}
}
