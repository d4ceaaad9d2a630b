package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignApiTests extends CouponTest {

	@Test
	void ownerCreatesChangesListsAndDeactivatesTheirBusinesssCampaign() {
		club();
		UUID salon = business();
		String owner = owner(salon);
		Map<String, Object> body = campaignBody(salon);
		body.put("conditions", "Только для новых клиентов");
		body.put("min_purchase", new BigDecimal("2000.00"));
		body.put("per_member_limit", 1);

		Http.Response created = createCampaign(owner, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("type")).isEqualTo("discount");
		assertThat(created.text("value_kind")).isEqualTo("fixed");
		assertThat(created.text("target")).isEqualTo("everyone");
		assertThat(created.json().path("active").asBoolean()).isTrue();
		String id = created.text("id");

		body.put("value_kind", "percent");
		body.put("value", new BigDecimal("15"));
		Http.Response changed = http.put("/api/v1/admin/coupon-campaigns/" + id).bearer(owner).json(body).send();
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("value").decimalValue()).isEqualByComparingTo("15");

		Http.Response listed = http.get("/api/v1/admin/coupon-campaigns").bearer(owner).send();
		assertThat(listed.json().path("total").asLong()).isEqualTo(1);
		assertThat(listed.json().path("items").get(0).path("id").asString()).isEqualTo(id);

		Http.Response off = http.post("/api/v1/admin/coupon-campaigns/" + id + "/deactivate").bearer(owner).send();
		assertThat(off.json().path("active").asBoolean()).isFalse();
	}

	@Test
	void ownerCannotSeeOrCreateAnotherBusinesssCampaigns() {
		club();
		UUID salon = business();
		UUID cafe = business();
		UUID cafeCampaign = campaign(campaignBody(cafe));
		String salonOwner = owner(salon);

		assertThat(createCampaign(salonOwner, campaignBody(cafe)).text("code")).isEqualTo("business_not_found");
		Http.Response other = http.get("/api/v1/admin/coupon-campaigns/" + cafeCampaign).bearer(salonOwner).send();
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.text("code")).isEqualTo("campaign_not_found");
		assertThat(http.get("/api/v1/admin/coupon-campaigns").bearer(salonOwner).send().json().path("total").asLong())
			.isZero();
		String manager = fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_MANAGER, salon);
		assertThat(createCampaign(manager, campaignBody(salon)).status()).as("create_promotions is the owner's")
			.isEqualTo(403);
	}

	@Test
	void rejectsTermsThatCannotWork() {
		club();
		UUID salon = business();
		Map<String, Object> percent = campaignBody(salon);
		percent.put("value_kind", "percent");
		percent.put("value", new BigDecimal("120"));
		Http.Response tooMuch = createCampaign(admin, percent);
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.text("code")).isEqualTo("validation_failed");
		assertThat(tooMuch.body()).contains("value");

		Map<String, Object> backwards = campaignBody(salon);
		backwards.put("valid_until", clock.instant().minusSeconds(7200).toString());
		assertThat(createCampaign(admin, backwards).body()).contains("valid_until");

		Map<String, Object> tier = campaignBody(salon);
		tier.put("target", "tier");
		assertThat(createCampaign(admin, tier).body()).contains("target_tier");

		Map<String, Object> unknown = campaignBody(UUID.randomUUID());
		assertThat(createCampaign(admin, unknown).status()).isEqualTo(404);
	}
}
