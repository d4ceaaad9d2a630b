package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CouponsOpenApiTests extends ApiTest {

	@Test
	void documentsTheCouponEndpointsWithTheirProblemCodes() {
		JsonNode docs = http.get("/v3/api-docs").send().json();
		JsonNode paths = docs.path("paths");

		JsonNode redeem = paths.path("/api/v1/coupons/redeem").path("post").path("responses");
		assertThat(redeem.path("409").path("description").asString()).contains("already_redeemed");
		assertThat(redeem.path("422").path("description").asString()).contains("coupon_expired", "campaign_exhausted",
				"wrong_business", "member_not_targeted", "member_limit_reached", "below_minimum_amount");
		assertThat(paths.path("/api/v1/loyalty/coupons").has("get")).isTrue();
		assertThat(paths.path("/api/v1/loyalty/coupons/{id}/activate").path("post").path("responses").has("409"))
			.isTrue();
		for (String path : new String[] { "/api/v1/admin/coupon-campaigns", "/api/v1/admin/coupon-campaigns/{id}/codes",
				"/api/v1/admin/coupon-campaigns/{id}/issue", "/api/v1/admin/coupon-campaigns/{id}/deactivate",
				"/api/v1/admin/cross-promotions", "/api/v1/admin/cross-promotions/{id}/accept",
				"/api/v1/admin/cross-promotions/{id}/decline" }) {
			assertThat(paths.path(path).has("post")).as(path).isTrue();
		}
		assertThat(paths.path("/api/v1/admin/coupon-campaigns/{id}").has("put")).isTrue();
		assertThat(paths.path("/api/v1/admin/cross-promotions/{id}/stats").has("get")).isTrue();
		JsonNode schemas = docs.path("components").path("schemas");
		assertThat(schemas.path("MemberCoupon").path("properties").has("business_name")).isTrue();
		assertThat(schemas.path("CouponActivation").path("properties").has("activation_code")).isTrue();
	}

	@Test
	void offersCouponRedeemedToWebhookSubscribers() {
		var program = fixtures.program();
		JsonNode types = http.get("/api/v1/webhooks/event-types").bearer(fixtures.adminToken(program)).send().json();
		assertThat(types.path("event_types").valueStream().map(t -> t.path("name").asString()))
			.contains("coupon.redeemed");
	}
}
