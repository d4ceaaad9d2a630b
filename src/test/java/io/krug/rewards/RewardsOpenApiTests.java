package io.krug.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RewardsOpenApiTests extends ApiTest {

	@Test
	void documentsCurrencyBundlesTokensAndTheCatalogWithTheirProblemCodes() {
		JsonNode paths = http.get("/v3/api-docs").send().json().path("paths");

		assertThat(paths.path("/api/v1/admin/currency").has("put")).isTrue();
		assertThat(paths.path("/api/v1/admin/members/{id}/currency-deposits").path("post").path("responses")
			.path("404").path("description").asString()).contains("member_not_found");
		assertThat(paths.path("/api/v1/users/me/wallet").has("get")).isTrue();
		assertThat(paths.path("/api/v1/bundles/{id}/purchase").path("post").path("responses").path("402")
			.path("description").asString()).contains("insufficient_currency");
		assertThat(paths.path("/api/v1/admin/bundles/{id}").has("delete")).isTrue();
		assertThat(paths.path("/api/v1/tokens/purchase").path("post").path("responses").path("422")
			.path("description").asString()).contains("duration_not_sold");
		assertThat(paths.path("/api/v1/tokens/validate").has("post")).isTrue();
		assertThat(paths.path("/api/v1/tokens/{id}/revoke").has("post")).isTrue();
		assertThat(paths.path("/api/v1/rewards/{id}/redeem").path("post").path("responses").path("409")
			.path("description").asString()).contains("out_of_stock");
		assertThat(paths.path("/api/v1/admin/rewards").has("post")).isTrue();
	}

	@Test
	void offersBundleAndTokenEventsToWebhooks() {
		String catalog = http.get("/api/v1/webhooks/event-types").bearer(fixtures.adminToken(fixtures.program()))
			.send()
			.body();

		assertThat(catalog).contains("bundle.purchased").contains("access_token.issued");
	}
}
