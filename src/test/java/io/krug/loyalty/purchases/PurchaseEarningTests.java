package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.Balance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PurchaseEarningTests extends PurchaseTest {

	@BeforeEach
	void setUp() {
		club();
	}

	@Test
	void earnsInsiderCashbackWithTheNewCategoryMultiplierOnlyOnTheFirstPurchaseInACategory() {
		UUID salon = business("beauty_salon");
		UUID member = member();

		JsonNode first = purchase(salon, member, "1000.00");
		assertThat(first.path("status").asString()).isEqualTo("recorded");
		assertThat(money(first, "bonuses_earned")).as("1000 × 5%% × 1.5").isEqualByComparingTo("75.00");
		assertThat(first.path("status_before").asString()).isEqualTo("insider");
		assertThat(first.path("status_after").asString()).isEqualTo("insider");
		assertThat(money(first.path("balance"), "pending")).isEqualByComparingTo("75.00");
		assertThat(money(first.path("balance"), "available")).isEqualByComparingTo("0.00");
		assertThat(Instant.parse(first.path("pending_until").asString()))
			.isEqualTo(Instant.parse(first.path("occurred_at").asString()).plus(Duration.ofDays(14)));
		assertThat(first.path("category").asString()).isEqualTo("beauty_salon");

		JsonNode second = purchase(salon, member, "1000.00");
		assertThat(money(second, "bonuses_earned")).as("same category: no multiplier").isEqualByComparingTo("50.00");
		assertThat(money(second.path("balance"), "total")).isEqualByComparingTo("125.00");

		Balance balance = inProgram(program, () -> ledger.balance(member));
		assertThat(balance.pending()).isEqualByComparingTo("125.00");
	}

	@Test
	void roundsTheBonusesOnceHalfEven() {
		UUID salon = business("beauty_salon");
		UUID member = member();
		purchase(salon, member, "10.00");

		JsonNode odd = purchase(salon, member, "333.33");
		assertThat(money(odd, "bonuses_earned")).as("333.33 × 5%% = 16.6665").isEqualByComparingTo("16.67");
		JsonNode tie = purchase(salon, member, "2.50");
		assertThat(money(tie, "bonuses_earned")).as("2.50 × 5%% = 0.125: the tie goes to the even digit")
			.isEqualByComparingTo("0.12");
	}

	@Test
	void multipliesByTheBusinesssRunningPromotion() {
		UUID florist = business("floristry");
		promotion(florist, "2.00");
		UUID member = member();

		JsonNode promoted = purchase(florist, member, "1000.00");
		assertThat(money(promoted, "bonuses_earned")).as("1000 × 5%% × 1.5 new × 2 promo").isEqualByComparingTo("150.00");
	}

	@Test
	void aPurchaseInAnotherCategoryOfTheProgramCountsAsNewThere() {
		UUID salon = business("beauty_salon");
		UUID member = member();
		purchase(salon, member, "100.00");

		JsonNode other = purchase(Map.of("business_id", salon, "member_id", member, "amount", amount("100.00"),
				"category", "floristry"));
		assertThat(other.path("category").asString()).isEqualTo("floristry");
		assertThat(money(other, "bonuses_earned")).isEqualByComparingTo("7.50");

		var unknown = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("100.00"),
				"category", "yachts"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.text("code")).isEqualTo("unknown_category");
	}

	@Test
	void crossingTheVipThresholdInThreeCategoriesMakesTheMemberVipWhoThenEarnsVipRates() {
		UUID salon = business("beauty_salon");
		UUID market = business("gastronomy");
		UUID florist = business("floristry");
		UUID optics = business("optics");
		UUID member = member();
		purchase(salon, member, "10000.00");
		purchase(market, member, "10000.00");

		JsonNode crossing = purchase(florist, member, "10000.00");
		assertThat(crossing.path("status_before").asString()).isEqualTo("insider");
		assertThat(crossing.path("status_after").asString()).isEqualTo("vip");
		assertThat(money(crossing, "bonuses_earned")).as("earned at the status before: 10000 × 5%% × 1.5")
			.isEqualByComparingTo("750.00");

		JsonNode vipNew = purchase(optics, member, "1000.00");
		assertThat(vipNew.path("status_before").asString()).isEqualTo("vip");
		assertThat(money(vipNew, "bonuses_earned")).as("VIP: 7%% × 2 for a new category")
			.isEqualByComparingTo("140.00");
		JsonNode vipAgain = purchase(optics, member, "1000.00");
		assertThat(money(vipAgain, "bonuses_earned")).isEqualByComparingTo("70.00");
	}

	@Test
	void staffCanRecordByTheMembersScannedCard() {
		UUID salon = business("beauty_salon");
		var registered = fixtures.member(program);
		String cardToken = http.get("/api/v1/loyalty/card")
			.bearer(registered.path("access_token").asString())
			.send()
			.text("card_token");
		String manager = fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_MANAGER, salon);

		var response = post(manager,
				Map.of("business_id", salon, "card_token", cardToken, "amount", amount("200.00")));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.text("member_id")).isEqualTo(registered.path("user_id").asString());
		assertThat(response.text("channel")).isEqualTo("qr");
		assertThat(money(response.json(), "bonuses_earned")).isEqualByComparingTo("15.00");

		var garbled = post(manager, Map.of("business_id", salon, "card_token", "kc1.nope", "amount", amount("1")));
		assertThat(garbled.status()).isEqualTo(422);
		assertThat(garbled.text("code")).isEqualTo("card_token_invalid");
	}

	@Test
	void aPurchaseNeedsExactlyOneCustomerAndAValidAmount() {
		UUID salon = business("beauty_salon");
		UUID member = member();
		var none = post(admin, Map.of("business_id", salon, "amount", amount("10")));
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.text("code")).isEqualTo("validation_failed");
		var both = post(admin,
				Map.of("business_id", salon, "member_id", member, "phone", "+79990000000", "amount", amount("10")));
		assertThat(both.status()).isEqualTo(422);
		for (String bad : new String[] { "0", "-5", "10.001", "10000000.01" }) {
			var invalid = post(admin, Map.of("business_id", salon, "member_id", member, "amount", new BigDecimal(bad)));
			assertThat(invalid.status()).as(bad).isEqualTo(422);
		}
		var future = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("10"),
				"occurred_at", clock.instant().plus(Duration.ofHours(1)).toString()));
		assertThat(future.status()).isEqualTo(422);
		var ancient = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("10"),
				"occurred_at", clock.instant().minus(Duration.ofDays(400)).toString()));
		assertThat(ancient.status()).isEqualTo(422);
		var nobody = post(admin, Map.of("business_id", salon, "member_id", UUID.randomUUID(), "amount", amount("10")));
		assertThat(nobody.status()).isEqualTo(404);
		assertThat(nobody.text("code")).isEqualTo("member_not_found");
		var nowhere = post(admin, Map.of("business_id", UUID.randomUUID(), "member_id", member, "amount", amount("10")));
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.text("code")).isEqualTo("business_not_found");
	}
}
