package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.Http;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EndpointApiTests extends WebhookTest {

	@Test
	void createsAnEndpointAndShowsItsSecretOnlyOnce() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		Map<String, Object> body = body(receiver.url(), "purchase.*", "tier.changed");
		body.put("description", "CRM sync");
		body.put("headers", Map.of("Authorization", "Bearer crm-token"));
		body.put("rate_limit_per_second", 50);
		JsonNode created = createEndpoint(program, admin, body);

		String secret = created.path("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(created.path("event_types").toString()).isEqualTo("[\"purchase.*\",\"tier.changed\"]");
		assertThat(created.path("active").asBoolean()).isTrue();
		assertThat(created.path("ordered").asBoolean()).isFalse();
		assertThat(created.path("headers").path("Authorization").asString()).isEqualTo("Bearer crm-token");
		String id = created.path("id").asString();

		JsonNode read = http.get("/api/v1/webhooks/" + id).bearer(admin).send().json();
		assertThat(read.has("secret")).isFalse();
		assertThat(read.path("description").asString()).isEqualTo("CRM sync");
		JsonNode list = http.get("/api/v1/webhooks?limit=10&offset=0").bearer(admin).send().json();
		assertThat(list.path("total").asLong()).isEqualTo(1);
		assertThat(list.path("webhooks").get(0).has("secret")).isFalse();
		String stored = inProgram(program, () -> jdbc.sql("SELECT secret || headers FROM webhooks.endpoints WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single());
		assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6)).doesNotContain("crm-token");
	}

	@Test
	void updatesPausesAndDeletesAnEndpoint() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String id = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();

		Http.Response patched = http.patch("/api/v1/webhooks/" + id)
			.bearer(admin)
			.json(Map.of("event_types", List.of("badge.awarded"), "active", false, "ordered", true, "description",
					"Badges", "headers", Map.of("X-Tenant", "krug")))
			.send();
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		JsonNode view = patched.json();
		assertThat(view.path("event_types").toString()).isEqualTo("[\"badge.awarded\"]");
		assertThat(view.path("active").asBoolean()).isFalse();
		assertThat(view.path("ordered").asBoolean()).isTrue();
		assertThat(view.path("headers").path("X-Tenant").asString()).isEqualTo("krug");

		assertThat(http.delete("/api/v1/webhooks/" + id).bearer(admin).send().status()).isEqualTo(204);
		Http.Response gone = http.get("/api/v1/webhooks/" + id).bearer(admin).send();
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.text("code")).isEqualTo("webhook_not_found");
	}

	@Test
	void rejectsInvalidEndpoints() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		assertRejected(admin, body(receiver.url(), "purchase.exploded"), "unknown_event_type", "event_types[0]");
		assertRejected(admin, body(receiver.url(), "nope.*"), "unknown_event_type", "event_types[0]");
		assertRejected(admin, body(receiver.url(), "purchase.recorded", "pur*"), "unknown_event_type",
				"event_types[1]");
		assertRejected(admin, body(receiver.url()), "validation_failed", "event_types");
		assertRejected(admin, body("ftp://example.com/hook", "*"), "invalid_url", "url");
		assertRejected(admin, body("not a url", "*"), "invalid_url", "url");
		assertRejected(admin, body("https://user:pw@example.com/hook", "*"), "invalid_url", "url");
		assertRejected(admin, withHeaders(Map.of("webhook-id", "x")), "invalid_header", "headers.webhook-id");
		assertRejected(admin, withHeaders(Map.of("Content-Type", "text/plain")), "invalid_header",
				"headers.Content-Type");
		assertRejected(admin, withHeaders(Map.of("X-Bad", "a\r\nInjected: yes")), "invalid_header",
				"headers.X-Bad");
		assertRejected(admin, withHeaders(Map.of("Bad Name", "x")), "invalid_header", "headers.Bad Name");
		Map<String, Object> zeroRate = body(receiver.url(), "*");
		zeroRate.put("rate_limit_per_second", 0);
		assertRejected(admin, zeroRate, "validation_failed", "rate_limit_per_second");
		String id = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		Http.Response patch = http.patch("/api/v1/webhooks/" + id)
			.bearer(admin)
			.json(Map.of("event_types", List.of("tier.*", "member.nope")))
			.send();
		assertThat(patch.status()).isEqualTo(422);
		assertThat(patch.text("code")).isEqualTo("unknown_event_type");
	}

	@Test
	void anotherProgramsEndpointIsNotFound() {
		Program mine = fixtures.program();
		Program theirs = fixtures.program();
		String id = createEndpoint(theirs, fixtures.adminToken(theirs), receiver.url(), "*").path("id").asString();
		String admin = fixtures.adminToken(mine);

		assertThat(http.get("/api/v1/webhooks/" + id).bearer(admin).send().status()).isEqualTo(404);
		assertThat(http.patch("/api/v1/webhooks/" + id).bearer(admin).json(Map.of("active", false)).send().status())
			.isEqualTo(404);
		assertThat(http.delete("/api/v1/webhooks/" + id).bearer(admin).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/webhooks/" + id + "/attempts").bearer(admin).send().status()).isEqualTo(404);
		assertThat(http.post("/api/v1/webhooks/" + id + "/rotate-secret").bearer(admin).send().status())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/webhooks").bearer(admin).send().json().path("total").asLong()).isZero();
	}

	@Test
	void apiKeysNeedTheWebhooksScope() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String manager = apiKey(admin, "webhooks:manage");
		String other = apiKey(admin, "purchases:write");

		JsonNode created = createEndpoint(program, manager, receiver.url(), "purchase.*");
		assertThat(created.path("secret").asString()).startsWith("whsec_");
		assertThat(http.get("/api/v1/webhooks").bearer(manager).send().json().path("total").asLong()).isEqualTo(1);
		Http.Response denied = http.post("/api/v1/webhooks").bearer(other).json(body(receiver.url(), "*")).send();
		assertThat(denied.status()).isEqualTo(403);
		assertThat(http.get("/api/v1/webhooks").bearer(other).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/webhooks").send().status()).isEqualTo(401);
	}

	@Test
	void listsPageWithTotal() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		for (int i = 0; i < 3; i++) {
			createEndpoint(program, admin, receiver.url() + "/" + i, "*");
		}
		JsonNode page = http.get("/api/v1/webhooks?limit=2&offset=2").bearer(admin).send().json();
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("webhooks")).hasSize(1);
		assertThat(page.path("webhooks").get(0).path("url").asString()).endsWith("/2");
		assertThat(http.get("/api/v1/webhooks?limit=0").bearer(admin).send().status()).isEqualTo(422);
	}

	@Test
	void theApiIsDocumented() {
		JsonNode docs = http.get("/v3/api-docs").send().json();
		JsonNode paths = docs.path("paths");
		assertThat(paths.has("/api/v1/webhooks/{id}/replay")).isTrue();
		assertThat(paths.has("/api/v1/webhooks/event-types")).isTrue();
		assertThat(paths.has("/api/v1/admin/webhooks/settings")).isTrue();
		assertThat(paths.path("/api/v1/webhooks").path("post").path("responses").has("422")).isTrue();
		assertThat(docs.path("components").path("schemas").path("NewEndpoint").path("properties").has("event_types"))
			.isTrue();
	}

	private String apiKey(String admin, String scope) {
		Http.Response key = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "integration", "scopes", List.of(scope)))
			.send();
		assertThat(key.status()).as(key.toString()).isEqualTo(201);
		return key.text("secret");
	}

	private Map<String, Object> withHeaders(Map<String, String> headers) {
		Map<String, Object> body = body(receiver.url(), "*");
		body.put("headers", headers);
		return body;
	}

	private void assertRejected(String token, Map<String, Object> body, String code, String field) {
		Http.Response response = http.post("/api/v1/webhooks").bearer(token).json(body).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
		assertThat(response.json().path("errors").findValuesAsString("field")).as(response.toString())
			.contains(field);
	}
}
