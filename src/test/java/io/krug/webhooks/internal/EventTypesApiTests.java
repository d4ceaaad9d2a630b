package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EventTypesApiTests extends ApiTest {

	@Test
	void listsTheEventsThatExistWithSchemasAndExamples() {
		Program program = fixtures.program();
		Http.Response response = http.get("/api/v1/webhooks/event-types").bearer(fixtures.adminToken(program)).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode types = response.json().path("event_types");

		assertThat(types.valueStream().map(t -> t.path("name").asString()).toList()).containsExactly(
				"access_token.issued", "badge.awarded", "bonuses.earned", "bonuses.expired", "bundle.purchased",
				"business.deactivated", "business.joined", "coupon.redeemed", "event.checked_in",
				"event.proposal.approved", "event.registration.confirmed", "event.registration.promoted",
				"member.erased", "member.registered", "purchase.recorded", "purchase.refunded", "referral.attributed",
				"referral.rewarded", "tier.changed");
		for (JsonNode type : types) {
			assertThat(type.path("description").asString()).isNotBlank();
			assertThat(type.path("schema").path("type").asString()).isEqualTo("object");
			assertThat(type.path("example").path("type").asString()).isEqualTo(type.path("name").asString());
			type.path("schema").path("required").forEach(field -> assertThat(type.path("example").path("data")
				.has(field.asString())).as(type.path("name") + " example has " + field).isTrue());
		}
		JsonNode registered = named(types, "event.proposal.approved");
		assertThat(registered.path("about_member").asBoolean()).isTrue();
		assertThat(registered.path("schema").path("properties").has("phone")).isFalse();
		assertThat(named(types, "business.joined").path("about_member").asBoolean()).isFalse();
	}

	@Test
	void membersMayReadTheCatalog() {
		Program program = fixtures.program();
		assertThat(http.get("/api/v1/webhooks/event-types").bearer(fixtures.memberToken(program)).send().status())
			.isEqualTo(200);
		assertThat(http.get("/api/v1/webhooks/event-types").send().status()).isEqualTo(401);
	}

	private static JsonNode named(JsonNode types, String name) {
		return types.valueStream().filter(t -> name.equals(t.path("name").asString())).findFirst().orElseThrow();
	}
}
