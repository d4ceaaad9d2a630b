package io.krug.rewards.crosspromo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.rewards.coupons.CouponTest;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CrossPromotionTests extends CouponTest {

	@Test
	void acceptedCrossPromotionGivesAsCustomersACouponWhoseRedemptionAtBIsEngaged() {
		club();
		UUID lisichkino = business();
		UUID mindal = business();
		Member anna = member();
		awaitKnown(purchase(lisichkino, anna.id(), "1200.00").path("purchase_id").asString());

		Http.Response proposed = propose(owner(mindal), lisichkino, mindal);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.text("status")).isEqualTo("proposed");
		String id = proposed.text("id");
		assertThat(coupons(anna).path("total").asLong()).as("nothing before acceptance").isZero();
		assertThat(http.post("/api/v1/admin/cross-promotions/" + id + "/accept").bearer(owner(mindal)).send()
			.status()).as("B cannot accept its own proposal").isEqualTo(404);

		Http.Response accepted = http.post("/api/v1/admin/cross-promotions/" + id + "/accept")
			.bearer(owner(lisichkino))
			.send();
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("issued").asInt()).isEqualTo(1);
		JsonNode coupon = coupons(anna).path("coupons").get(0);
		assertThat(coupon.path("business_id").asString()).isEqualTo(mindal.toString());

		Member bella = member();
		purchase(lisichkino, bella.id(), "800.00");
		await().atMost(Duration.ofSeconds(20)).until(() -> coupons(bella).path("total").asLong() == 1);

		Http.Response redeemed = redeemWithPurchase(coupon.path("code").asString(), mindal, anna.id(), "3000.00");
		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		assertThat(redeemed.json().path("engaged").asBoolean()).isTrue();
		assertThat(redeemed.text("source_business_id")).isEqualTo(lisichkino.toString());
		assertThat(redeemed.json().path("paid_amount").decimalValue()).isEqualByComparingTo("2700.00");
		assertThat(redeemed.json().path("cross_bonus").decimalValue()).as("seed 003: 10% cross bonus")
			.isEqualByComparingTo("270.00");
		JsonNode purchase = http.get("/api/v1/purchases/" + redeemed.text("purchase_id")).bearer(admin).send().json();
		assertThat(purchase.path("engaged").asBoolean()).isTrue();
		assertThat(purchase.path("source_business_id").asString()).isEqualTo(lisichkino.toString());

		JsonNode stats = http.get("/api/v1/admin/cross-promotions/" + id + "/stats").bearer(owner(lisichkino)).send()
			.json();
		assertThat(stats.path("coupons_issued").asLong()).isEqualTo(2);
		assertThat(stats.path("coupons_redeemed").asLong()).isEqualTo(1);
		assertThat(stats.path("engaged_revenue").decimalValue()).isEqualByComparingTo("2700.00");
		assertThat(inProgram(program, () -> ledger.check()).ok()).isTrue();
	}

	@Test
	void proposalsAreDecidedOnceAndOnePerPair() {
		club();
		UUID a = business();
		UUID b = business();
		String id = propose(admin, a, b).text("id");
		Http.Response twice = propose(admin, a, b);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("code")).isEqualTo("cross_promotion_exists");
		assertThat(propose(owner(a), a, b).text("code")).as("A's owner cannot propose for B")
			.isEqualTo("business_not_found");

		Http.Response declined = http.post("/api/v1/admin/cross-promotions/" + id + "/decline").bearer(owner(a)).send();
		assertThat(declined.text("status")).isEqualTo("declined");
		Http.Response late = http.post("/api/v1/admin/cross-promotions/" + id + "/accept").bearer(admin).send();
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("code")).isEqualTo("cross_promotion_decided");
		assertThat(propose(admin, a, b).status()).as("a declined pair may propose again").isEqualTo(201);
		assertThat(propose(admin, a, a).text("code")).isEqualTo("validation_failed");
	}

	@Test
	void crossPromotionCouponNeedsItsOwnPurchase() {
		club();
		UUID a = business();
		UUID b = business();
		Member anna = member();
		awaitKnown(purchase(a, anna.id(), "500.00").path("purchase_id").asString());
		String id = propose(admin, a, b).text("id");
		http.post("/api/v1/admin/cross-promotions/" + id + "/accept").bearer(admin).send();
		String code = coupons(anna).path("coupons").get(0).path("code").asString();
		String earlier = purchase(b, anna.id(), "3000.00").path("purchase_id").asString();
		awaitKnown(earlier);

		Http.Response refused = redeem(admin, Map.of("code", code, "purchase_id", earlier));
		assertThat(refused.text("code")).isEqualTo("purchase_required");
	}

	private Http.Response propose(String token, UUID from, UUID to) {
		Map<String, Object> body = new HashMap<>();
		body.put("from_business_id", from);
		body.put("to_business_id", to);
		body.put("title", "Скидка 10% на маникюр для гостей Лисичкино");
		body.put("type", "discount");
		body.put("value_kind", "percent");
		body.put("value", new BigDecimal("10"));
		body.put("valid_from", clock.instant().minusSeconds(60).toString());
		body.put("valid_until", clock.instant().plus(Duration.ofDays(30)).toString());
		return http.post("/api/v1/admin/cross-promotions").bearer(token).json(body).send();
	}
}
