package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RedemptionTests extends CouponTest {

	@Test
	void discountCouponRecordsThePurchaseAtTheReducedAmountAndShowsThePartnersCost() {
		club();
		UUID salon = business();
		UUID campaign = campaign(campaignBody(salon));
		String code = codes(campaign, 1).getFirst();
		Member anna = member();

		Http.Response redeemed = redeemWithPurchase(code.toLowerCase(), salon, anna.id(), "3000.00");

		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		JsonNode r = redeemed.json();
		assertThat(r.path("discount").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(r.path("paid_amount").decimalValue()).isEqualByComparingTo("2500.00");
		Http.Response purchase = http.get("/api/v1/purchases/" + r.path("purchase_id").asString()).bearer(admin).send();
		assertThat(purchase.json().path("amount").decimalValue()).as("recorded through the purchase pipeline")
			.isEqualByComparingTo("2500.00");
		assertThat(purchase.json().path("member_id").asString()).isEqualTo(anna.id().toString());
		JsonNode stats = stats(campaign);
		assertThat(stats.path("redeemed").asLong()).isEqualTo(1);
		assertThat(stats.path("discounts").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(stats.path("checks").decimalValue()).isEqualByComparingTo("3000.00");
	}

	@Test
	void bonusCouponCreditsTheMemberFundedByTheBusinessOnce() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("type", "bonus");
		body.put("value", new BigDecimal("300.00"));
		UUID campaign = campaign(body);
		String code = codes(campaign, 1).getFirst();
		Member anna = member();
		BigDecimal before = inProgram(program, () -> ledger.balance(anna.id())).total();

		Http.Response redeemed = redeemWithPurchase(code, salon, anna.id(), "1000.00");

		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		assertThat(redeemed.json().path("bonus").decimalValue()).isEqualByComparingTo("300.00");
		assertThat(redeemed.json().path("paid_amount").decimalValue()).isEqualByComparingTo("1000.00");
		BigDecimal purchaseBonuses = http.get("/api/v1/purchases/" + redeemed.text("purchase_id"))
			.bearer(admin)
			.send()
			.json()
			.path("bonuses_earned")
			.decimalValue();
		assertThat(inProgram(program, () -> ledger.balance(anna.id())).total())
			.isEqualByComparingTo(before.add(purchaseBonuses).add(new BigDecimal("300.00")));
		assertThat(inProgram(program, () -> ledger.check()).ok()).isTrue();
	}

	@Test
	void giftCouponIsRecordedAsGivenAtItsWorth() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("type", "gift");
		body.put("value", new BigDecimal("700.00"));
		UUID campaign = campaign(body);
		Member anna = member();

		Http.Response redeemed = redeemWithPurchase(codes(campaign, 1).getFirst(), salon, anna.id(), "1500.00");

		assertThat(redeemed.json().path("gift_value").decimalValue()).isEqualByComparingTo("700.00");
		assertThat(redeemed.json().path("paid_amount").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(stats(campaign).path("gifts").decimalValue()).isEqualByComparingTo("700.00");
	}

	@Test
	void redeemsAgainstAPurchaseRecordedBefore() {
		club();
		UUID salon = business();
		UUID campaign = campaign(campaignBody(salon));
		Member anna = member();
		String purchaseId = purchase(salon, anna.id(), "2000.00").path("purchase_id").asString();
		awaitKnown(purchaseId);

		String code = codes(campaign, 1).getFirst();
		Http.Response redeemed = redeem(admin, Map.of("code", code, "purchase_id", purchaseId));

		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		assertThat(redeemed.text("purchase_id")).isEqualTo(purchaseId);
		assertThat(redeemed.json().path("discount").decimalValue()).isEqualByComparingTo("500.00");
		String owner = owner(business());
		Http.Response foreign = redeem(owner, Map.of("code", codes(campaign, 1).getFirst(), "purchase_id", purchaseId));
		assertThat(foreign.text("code")).as("another business's purchase").isEqualTo("purchase_not_found");
	}

	@Test
	void rejectsCouponsThatDoNotApplyWithClearCodes() {
		club();
		UUID salon = business();
		UUID cafe = business();
		Member anna = member();
		Map<String, Object> body = campaignBody(salon);
		body.put("min_purchase", new BigDecimal("1000.00"));
		body.put("valid_from", clock.instant().plus(Duration.ofDays(1)).toString());
		UUID later = campaign(body);
		String laterCode = codes(later, 1).getFirst();
		assertThat(redeemWithPurchase(laterCode, salon, anna.id(), "3000.00").text("code"))
			.isEqualTo("coupon_not_yet_valid");

		clock.tick(Duration.ofDays(2));
		admin = fixtures.adminToken(program);
		assertThat(redeemWithPurchase(laterCode, cafe, anna.id(), "3000.00").text("code")).isEqualTo("wrong_business");
		assertThat(redeemWithPurchase(laterCode, salon, anna.id(), "999.99").text("code"))
			.isEqualTo("below_minimum_amount");
		assertThat(redeemWithPurchase("NOSUCHCODE", salon, anna.id(), "3000.00").status()).isEqualTo(404);
		Http.Response first = redeemWithPurchase(laterCode, salon, anna.id(), "3000.00");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		Http.Response again = redeemWithPurchase(laterCode, salon, anna.id(), "3000.00");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("already_redeemed");

		clock.tick(Duration.ofDays(31));
		admin = fixtures.adminToken(program);
		assertThat(redeemWithPurchase(codes(later, 1).getFirst(), salon, anna.id(), "3000.00").text("code"))
			.isEqualTo("coupon_expired");
	}

	@Test
	void aRejectedRedemptionLeavesNeitherPurchaseNorUsedCoupon() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("target", "tier");
		body.put("target_tier", "vip");
		UUID vipOnly = campaign(body);
		String code = codes(vipOnly, 1).getFirst();
		Member anna = member();

		Http.Response refused = redeemWithPurchase(code, salon, anna.id(), "3000.00");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("member_not_targeted");
		assertThat(http.get("/api/v1/admin/purchases?business_id=" + salon).bearer(admin).send().json()
			.path("total").asLong()).as("the purchase was rolled back with the redemption").isZero();
		assertThat(inProgram(program, () -> jdbc.sql("SELECT status FROM rewards.coupons WHERE code = :c")
			.param("c", code)
			.query(String.class)
			.single())).isEqualTo("available");
	}

	@Test
	void perMemberAndTotalLimitsAndDeactivationHold() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("per_member_limit", 1);
		body.put("total_limit", 2);
		UUID campaign = campaign(body);
		List<String> codes = codes(campaign, 4);
		Member anna = member();
		Member bella = member();
		Member cora = member();

		assertThat(redeemWithPurchase(codes.get(0), salon, anna.id(), "3000.00").status()).isEqualTo(201);
		assertThat(redeemWithPurchase(codes.get(1), salon, anna.id(), "3000.00").text("code"))
			.isEqualTo("member_limit_reached");
		assertThat(redeemWithPurchase(codes.get(1), salon, bella.id(), "3000.00").status()).isEqualTo(201);
		assertThat(redeemWithPurchase(codes.get(2), salon, cora.id(), "3000.00").text("code"))
			.isEqualTo("campaign_exhausted");

		http.post("/api/v1/admin/coupon-campaigns/" + campaign + "/deactivate").bearer(admin).send();
		assertThat(redeemWithPurchase(codes.get(3), salon, cora.id(), "3000.00").text("code"))
			.isEqualTo("campaign_inactive");
	}

	@Test
	void listedMembersCampaignServesOnlyItsList() {
		club();
		UUID salon = business();
		Member anna = member();
		Member bella = member();
		Map<String, Object> body = campaignBody(salon);
		body.put("target", "members");
		body.put("member_ids", List.of(anna.id()));
		UUID campaign = campaign(body);
		List<String> codes = codes(campaign, 2);

		assertThat(redeemWithPurchase(codes.get(0), salon, bella.id(), "3000.00").text("code"))
			.isEqualTo("member_not_targeted");
		assertThat(redeemWithPurchase(codes.get(0), salon, anna.id(), "3000.00").status()).isEqualTo(201);
		assertThat(issue(campaign, List.of()).json().path("issued").asInt()).as("the whole list").isEqualTo(1);
	}

	@Test
	void newCustomersCampaignServesOnlyMembersWhoNeverBoughtThere() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("target", "new_customers");
		UUID campaign = campaign(body);
		List<String> codes = codes(campaign, 2);
		Member regular = member();
		awaitKnown(purchase(salon, regular.id(), "1000.00").path("purchase_id").asString());
		Member newcomer = member();

		assertThat(redeemWithPurchase(codes.get(0), salon, regular.id(), "3000.00").text("code"))
			.isEqualTo("member_not_targeted");
		assertThat(redeemWithPurchase(codes.get(0), salon, newcomer.id(), "3000.00").status()).isEqualTo(201);
	}

	@Test
	void staffRedeemOnlyForTheirOwnBusinessAndNeedAnIdempotencyKey() {
		club();
		UUID salon = business();
		UUID cafe = business();
		UUID campaign = campaign(campaignBody(salon));
		Member anna = member();
		String cafeManager = fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_MANAGER, cafe);

		Http.Response foreign = redeem(cafeManager, Map.of("code", codes(campaign, 1).getFirst(), "business_id", salon,
				"member_id", anna.id(), "amount", new BigDecimal("3000.00")));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.text("code")).isEqualTo("business_not_found");
		Http.Response noKey = http.post("/api/v1/coupons/redeem")
			.bearer(admin)
			.json(Map.of("code", "X", "purchase_id", UUID.randomUUID()))
			.send();
		assertThat(noKey.status()).isEqualTo(400);
		Http.Response both = redeem(admin, Map.of("code", "X", "purchase_id", UUID.randomUUID(), "business_id", salon));
		assertThat(both.text("code")).isEqualTo("validation_failed");
	}
}
