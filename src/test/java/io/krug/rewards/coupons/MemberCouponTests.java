package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MemberCouponTests extends CouponTest {

	@Test
	void memberSeesIssuedCouponsInTheSeedsShapeAndNotOthers() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("conditions", "Только для новых клиентов клиники");
		UUID campaign = campaign(body);
		Member anna = member();
		Member bella = member();

		Http.Response issued = issue(campaign, List.of(anna.id()));
		assertThat(issued.json().path("issued").asInt()).isEqualTo(1);
		issue(campaign, List.of(anna.id()));

		JsonNode annas = coupons(anna);
		assertThat(annas.path("total").asLong()).as("issuing twice gives one coupon").isEqualTo(1);
		JsonNode coupon = annas.path("coupons").get(0);
		assertThat(coupon.path("business_id").asString()).isEqualTo(salon.toString());
		assertThat(coupon.path("business_name").asString()).startsWith("Business ");
		assertThat(coupon.path("type").asString()).isEqualTo("discount");
		assertThat(coupon.path("value").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(coupon.path("description").asString()).isEqualTo("На любую услугу");
		assertThat(coupon.path("conditions").asString()).isEqualTo("Только для новых клиентов клиники");
		assertThat(coupon.path("expires_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(coupon.path("status").asString()).isEqualTo("available");
		assertThat(coupons(bella).path("total").asLong()).isZero();
	}

	@Test
	void issuingWithoutMembersReachesEveryoneTheCampaignTargets() {
		club();
		UUID salon = business();
		Member anna = member();
		Member bella = member();
		Map<String, Object> body = campaignBody(salon);
		body.put("target", "new_customers");
		UUID campaign = campaign(body);
		awaitKnown(purchase(salon, anna.id(), "1000.00").path("purchase_id").asString());
		await().atMost(Duration.ofSeconds(20)).until(() -> inProgram(program,
				() -> jdbc.sql("SELECT count(*) FROM rewards.known_members").query(Long.class).single()) == 2);

		Http.Response issued = issue(campaign, List.of());

		assertThat(issued.json().path("issued").asInt()).as("only Bella never bought at the salon").isEqualTo(1);
		assertThat(coupons(bella).path("total").asLong()).isEqualTo(1);
		assertThat(coupons(anna).path("total").asLong()).isZero();
	}

	@Test
	void activationCodeIsValidUntilTheEndOfTheDayInTheProgramsZoneAndRedeemsTheCoupon() {
		club();
		clock.set(Instant.parse("2026-11-20T10:00:00Z"));
		UUID salon = business();
		UUID campaign = campaign(campaignBody(salon));
		Member anna = member();
		Member bella = member();
		issue(campaign, List.of(anna.id()));
		String couponId = coupons(anna).path("coupons").get(0).path("id").asString();

		Http.Response activated = http.post("/api/v1/loyalty/coupons/" + couponId + "/activate")
			.bearer(anna.token())
			.send();

		assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
		String code = activated.text("activation_code");
		assertThat(code).hasSize(6).matches("[" + Codes.ALPHABET + "]+");
		assertThat(activated.text("valid_until")).isEqualTo("2026-11-20T23:59:59+03:00");
		assertThat(http.post("/api/v1/loyalty/coupons/" + couponId + "/activate").bearer(anna.token()).send()
			.text("activation_code")).as("the same day, the same code").isEqualTo(code);
		assertThat(http.post("/api/v1/loyalty/coupons/" + couponId + "/activate").bearer(bella.token()).send()
			.status()).isEqualTo(404);

		assertThat(redeemWithPurchase(code, salon, bella.id(), "3000.00").text("code"))
			.as("a coupon issued to Anna serves only Anna").isEqualTo("member_not_targeted");
		Http.Response redeemed = redeemWithPurchase(code, salon, anna.id(), "3000.00");
		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		assertThat(coupons(anna).path("total").asLong()).as("a redeemed coupon leaves the list").isZero();
	}

	@Test
	void anActivationCodeOfAnEarlierDayNoLongerWorks() {
		club();
		clock.set(Instant.parse("2026-11-20T20:00:00Z"));
		UUID salon = business();
		UUID campaign = campaign(campaignBody(salon));
		Member anna = member();
		issue(campaign, List.of(anna.id()));
		String couponId = coupons(anna).path("coupons").get(0).path("id").asString();
		String code = http.post("/api/v1/loyalty/coupons/" + couponId + "/activate").bearer(anna.token()).send()
			.text("activation_code");

		clock.set(Instant.parse("2026-11-20T21:00:00Z"));
		admin = fixtures.adminToken(program);

		Http.Response late = redeemWithPurchase(code, salon, anna.id(), "3000.00");
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.text("code")).as("midnight in Moscow has passed").isEqualTo("activation_expired");
	}

	@Test
	void fullRefundReturnsTheCouponAndTakesTheBonusBack() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("type", "bonus");
		body.put("value", new BigDecimal("200.00"));
		UUID campaign = campaign(body);
		Member anna = member();
		issue(campaign, List.of(anna.id()));
		String code = coupons(anna).path("coupons").get(0).path("code").asString();
		Http.Response redeemed = redeemWithPurchase(code, salon, anna.id(), "1000.00");
		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		BigDecimal withBonus = inProgram(program, () -> ledger.balance(anna.id())).total();

		Http.Response refund = http.post("/api/v1/purchases/" + redeemed.text("purchase_id") + "/refunds")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", new BigDecimal("1000.00")))
			.send();
		assertThat(refund.status()).as(refund.toString()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(20)).until(() -> coupons(anna).path("total").asLong() == 1);
		assertThat(coupons(anna).path("coupons").get(0).path("code").asString()).isEqualTo(code);
		JsonNode stats = stats(campaign);
		assertThat(stats.path("refunded").asLong()).isEqualTo(1);
		assertThat(stats.path("redeemed").asLong()).isZero();
		assertThat(inProgram(program, () -> ledger.balance(anna.id())).total())
			.as("the coupon's bonus and the purchase's earn were both taken back")
			.isLessThanOrEqualTo(withBonus.subtract(new BigDecimal("200.00")));
		assertThat(redeemWithPurchase(code, salon, anna.id(), "1000.00").status()).as("usable again").isEqualTo(201);
	}
}
