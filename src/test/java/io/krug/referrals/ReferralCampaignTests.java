package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralCampaignTests extends ReferralTest {

	@BeforeEach
	void setUp() {
		club();
	}

	@Test
	void adminsCreateReadReplaceListAndDeleteCampaigns() {
		UUID id = campaign(Map.of("purchase_percent", 10), Map.of("name", "Осень"));

		JsonNode read = http.get("/api/v1/admin/referral-campaigns/" + id).bearer(admin).send().json();
		assertThat(read.path("name").asString()).isEqualTo("Осень");
		assertThat(read.path("monthly_limit").asInt()).as("the default").isEqualTo(20);
		assertThat(read.path("rewards").path("purchase_percent").decimalValue()).isEqualByComparingTo("10");

		Http.Response replaced = http.put("/api/v1/admin/referral-campaigns/" + id)
			.bearer(admin)
			.json(Map.of("name", "Зима", "starts_at", clock.instant().toString(), "rewards",
					Map.of("friend_on_registration", 50)))
			.send();
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("rewards").path("purchase_percent").decimalValue()).isEqualByComparingTo("0");
		assertThat(http.get("/api/v1/admin/referral-campaigns").bearer(admin).send().json().path("total").asLong())
			.isEqualTo(1);

		assertThat(http.delete("/api/v1/admin/referral-campaigns/" + id).bearer(admin).send().status()).isEqualTo(204);
		assertThat(http.get("/api/v1/admin/referral-campaigns/" + id).bearer(admin).send().text("code"))
			.isEqualTo("campaign_not_found");
	}

	@Test
	void refusesACampaignThatEndsBeforeItStartsOrGrantsUnitsOfNoQuota() {
		Http.Response backwards = http.post("/api/v1/admin/referral-campaigns")
			.bearer(admin)
			.json(Map.of("name", "x", "starts_at", "2026-12-01T00:00:00Z", "ends_at", "2026-11-01T00:00:00Z",
					"rewards", Map.of()))
			.send();
		Http.Response noQuota = http.post("/api/v1/admin/referral-campaigns")
			.bearer(admin)
			.json(Map.of("name", "x", "starts_at", "2026-12-01T00:00:00Z", "rewards", Map.of("quota_units", 1)))
			.send();
		Http.Response negative = http.post("/api/v1/admin/referral-campaigns")
			.bearer(admin)
			.json(Map.of("name", "x", "starts_at", "2026-12-01T00:00:00Z", "rewards",
					Map.of("referrer_on_registration", -5)))
			.send();

		assertThat(backwards.status()).as(backwards.toString()).isEqualTo(422);
		assertThat(backwards.json().path("errors").get(0).path("field").asString()).isEqualTo("ends_at");
		assertThat(noQuota.status()).as(noQuota.toString()).isEqualTo(422);
		assertThat(negative.status()).as(negative.toString()).isEqualTo(422);
	}

	@Test
	void membersCannotManageCampaigns() {
		Member anna = member();

		Http.Response response = http.get("/api/v1/admin/referral-campaigns").bearer(anna.token()).send();

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void analyticsCountRegistrationsPurchasesRewardsRevenueAndTheViralCoefficient() {
		UUID campaign = campaign(Map.of("referrer_on_registration", 100, "purchase_percent", 10, "quota_units", 1,
				"quota_name", "letters"), Map.of());
		UUID salon = business();
		Member anna = member(Map.of("device_fingerprint", "anna-phone"));
		Member vera = member();
		Member boris = friendOf(anna);
		friendOf(anna);
		friendOf(vera);
		friendOf(anna, "anna-phone");
		String purchase = purchase(salon, boris, "1000.00");
		refund(purchase, "200.00");

		Http.Response response = http.get("/api/v1/admin/referral-campaigns/" + campaign + "/analytics")
			.bearer(admin)
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode a = response.json();
		assertThat(a.path("codes_shared").asLong()).isEqualTo(2);
		assertThat(a.path("codes_issued").asLong()).as("every member registered while it ran").isEqualTo(6);
		assertThat(a.path("registrations").asLong()).isEqualTo(3);
		assertThat(a.path("rejected").asLong()).isEqualTo(1);
		assertThat(a.path("first_purchases").asLong()).isEqualTo(1);
		assertThat(a.path("conversion").decimalValue()).isEqualByComparingTo("0.3333");
		assertThat(a.path("invites_per_user").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(a.path("viral_coefficient").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(a.path("rewards_paid").decimalValue()).as("3 × 100 + 10% of 1000 − 10% of 200")
			.isEqualByComparingTo("380.00");
		assertThat(a.path("quota_units_granted").asLong()).isEqualTo(6);
		assertThat(a.path("revenue").decimalValue()).isEqualByComparingTo("800.00");
	}
}
