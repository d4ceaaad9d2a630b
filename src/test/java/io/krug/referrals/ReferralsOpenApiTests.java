package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralsOpenApiTests extends ApiTest {

	@Test
	void documentsTheReferralEndpointsWithTheirProblemCodes() {
		JsonNode docs = http.get("/v3/api-docs").send().json();
		JsonNode paths = docs.path("paths");

		assertThat(paths.path("/api/v1/users/me/referrals").path("get").path("responses").path("403")
			.path("description").asString()).contains("members_only");
		assertThat(paths.path("/api/v1/referrals/leaderboard").has("get")).isTrue();
		assertThat(paths.path("/api/v1/admin/referral-campaigns").has("post")).isTrue();
		assertThat(paths.path("/api/v1/admin/referral-campaigns/{id}").has("put")).isTrue();
		assertThat(paths.path("/api/v1/admin/referral-campaigns/{id}").has("delete")).isTrue();
		assertThat(paths.path("/api/v1/admin/referral-campaigns/{id}/analytics").path("get").path("responses")
			.path("404").path("description").asString()).contains("campaign_not_found");
		assertThat(paths.path("/api/v1/admin/referrals").path("get").path("description").asString())
			.contains("self_referral", "cycle", "monthly_limit");
		assertThat(paths.path("/api/v1/auth/register").path("post").path("responses").path("422").path("description")
			.asString()).contains("referral_code_invalid");
		JsonNode schemas = docs.path("components").path("schemas");
		assertThat(schemas.path("ReferralPage").path("properties").has("bonus_earned")).isTrue();
		assertThat(schemas.path("ReferralRewardsRequest").path("properties").has("purchase_percent")).isTrue();
		assertThat(schemas.path("ReferralCampaignFigures").path("properties").has("viral_coefficient")).isTrue();
	}

	@Test
	void offersReferralEventsToWebhookSubscribers() {
		JsonNode types = http.get("/api/v1/webhooks/event-types").bearer(fixtures.adminToken(fixtures.program()))
			.send()
			.json();

		assertThat(types.toString()).contains("referral.attributed", "referral.rewarded");
	}
}
