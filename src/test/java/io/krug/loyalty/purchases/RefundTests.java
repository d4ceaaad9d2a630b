package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.ledger.LedgerAccount;
import io.krug.test.Fixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundTests extends PurchaseTest {

	UUID salon;

	UUID member;

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
		member = member();
	}

	@Test
	void partialRefundsReverseInProportionAndTogetherExactlyWhatThePurchaseMoved() {
		String id = purchase(salon, member, "1000.00").path("purchase_id").asString();

		var third = refund(admin, id, "333.33");
		assertThat(third.status()).as(third.toString()).isEqualTo(201);
		JsonNode partial = third.json();
		assertThat(money(partial, "bonuses_reversed")).as("75 × 333.33 / 1000 = 24.99975").isEqualByComparingTo("25.00");
		assertThat(money(partial, "events_budget_reversed")).as("20 × 0.33333").isEqualByComparingTo("6.67");
		assertThat(money(partial, "refunded_total")).isEqualByComparingTo("333.33");
		assertThat(partial.path("purchase_status").asString()).isEqualTo("recorded");
		assertThat(money(partial.path("balance"), "pending")).isEqualByComparingTo("50.00");

		JsonNode rest = refund(admin, id, "666.67").json();
		assertThat(money(rest, "bonuses_reversed")).isEqualByComparingTo("50.00");
		assertThat(money(rest, "events_budget_reversed")).isEqualByComparingTo("13.33");
		assertThat(rest.path("purchase_status").asString()).isEqualTo("refunded");
		assertThat(money(rest.path("balance"), "total")).isEqualByComparingTo("0");
		assertThat(money(rest, "loss")).isEqualByComparingTo("0");

		var over = refund(admin, id, "0.01");
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.text("code")).isEqualTo("refund_exceeds_purchase");
		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.eventsBudget(program.id()))))
			.isEqualByComparingTo("0");
		JsonNode read = http.get("/api/v1/purchases/" + id).bearer(admin).send().json();
		assertThat(read.path("status").asString()).isEqualTo("refunded");
		assertThat(money(read, "refunded_amount")).isEqualByComparingTo("1000.00");
		ledgerIsConsistent();
	}

	@Test
	void rejectsARefundLargerThanThePurchase() {
		String id = purchase(salon, member, "100.00").path("purchase_id").asString();
		var over = refund(admin, id, "100.01");
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.text("code")).isEqualTo("refund_exceeds_purchase");
		assertThat(money(over.json(), "refundable")).isEqualByComparingTo("100.00");
		assertThat(refund(admin, UUID.randomUUID().toString(), "1").status()).isEqualTo(404);
	}

	@Test
	void aRefundGivesBackTheSpentBonuses() {
		setRules(withReturnWindow(0));
		purchase(salon, member, "2000.00"); // 150.00 available at once
		String id = purchase(Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00"),
				"spend_bonuses", amount("100.00")))
			.path("purchase_id")
			.asString();

		JsonNode refunded = refund(admin, id, "1000.00").json();
		assertThat(money(refunded, "bonuses_restored")).isEqualByComparingTo("100.00");
		assertThat(money(refunded, "bonuses_reversed")).isEqualByComparingTo("45.00");
		assertThat(money(refunded.path("balance"), "available")).isEqualByComparingTo("150.00");
		ledgerIsConsistent();
	}

	@Test
	void refundingBonusesAlreadySpentElsewhereNeverGoesNegativeAndBooksTheLoss() {
		setRules(withReturnWindow(0));
		String first = purchase(salon, member, "1000.00").path("purchase_id").asString(); // 75.00 available
		UUID market = business("gastronomy");
		JsonNode spending = purchase(Map.of("business_id", market, "member_id", member, "amount", amount("1000.00"),
				"spend_bonuses", amount("75.00")));
		assertThat(money(spending, "bonuses_earned")).as("(1000 − 75) × 5%% × 1.5").isEqualByComparingTo("69.38");

		JsonNode refunded = refund(admin, first, "1000.00").json();
		assertThat(money(refunded, "bonuses_reversed")).isEqualByComparingTo("75.00");
		assertThat(money(refunded, "loss")).as("75 − the 69.38 the member still had").isEqualByComparingTo("5.62");
		assertThat(money(refunded.path("balance"), "available")).isEqualByComparingTo("0");
		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.loss(
				io.krug.ledger.PartyId.business(salon))))).isEqualByComparingTo("-5.62");
		ledgerIsConsistent();
	}

	@Test
	void refundingAnUnmatchedPurchaseOnlyReturnsTheBudgetShare() {
		String id = purchase(Map.of("business_id", salon, "phone", Fixtures.phone(), "amount", amount("500.00")))
			.path("purchase_id")
			.asString();
		JsonNode refunded = refund(admin, id, "500.00").json();
		assertThat(money(refunded, "bonuses_reversed")).isEqualByComparingTo("0");
		assertThat(money(refunded, "events_budget_reversed")).isEqualByComparingTo("10.00");
		assertThat(refunded.has("balance")).isFalse();
		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.eventsBudget(program.id()))))
			.isEqualByComparingTo("0");
	}

	@Test
	void aFullRefundCanTakeTheMemberBackBelowVip() {
		UUID market = business("gastronomy");
		UUID florist = business("floristry");
		purchase(salon, member, "10000.00");
		purchase(market, member, "10000.00");
		String crossing = purchase(florist, member, "10000.00").path("purchase_id").asString();

		JsonNode refunded = refund(admin, crossing, "10000.00").json();
		assertThat(refunded.path("status_before").asString()).isEqualTo("vip");
		assertThat(refunded.path("status_after").asString()).isEqualTo("insider");
	}

	@Test
	void businessStaffRefundOnlyTheirOwnBusinesssPurchases() {
		UUID other = business("gastronomy");
		String id = purchase(other, member, "100.00").path("purchase_id").asString();
		String manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, salon);
		var refused = refund(manager, id, "10.00");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.text("code")).isEqualTo("purchase_not_found");
		String theirs = fixtures.staffToken(program, Role.BUSINESS_MANAGER, other);
		assertThat(refund(theirs, id, "10.00").status()).isEqualTo(201);
	}
}
