package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.test.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClubSharesTests extends PurchaseTest {

	UUID member;

	LocalDate today;

	@BeforeEach
	void setUp() {
		club();
		member = member();
		today = clock.instant().atZone(program.timeZone()).toLocalDate();
	}

	JsonNode buy(UUID business, String amount, boolean engaged) {
		return purchase(Map.of("business_id", business, "member_id", member, "amount", new BigDecimal(amount),
				"engaged", engaged));
	}

	@Test
	void everyPurchaseFundsTheEventsBudgetAndEngagedOnesPayCommissionFromThePartnersSeventhMonth() {
		UUID fresh = business("beauty_salon", today.minusMonths(6).plusDays(1));
		UUID seasoned = business("gastronomy", today.minusMonths(6));
		Instant from = clock.instant().minusSeconds(1);

		JsonNode freeMonths = buy(fresh, "10000.00", true);
		assertThat(money(freeMonths, "events_budget")).isEqualByComparingTo("200.00");
		assertThat(money(freeMonths, "commission")).as("last day of the sixth month").isEqualByComparingTo("0");
		JsonNode engaged = buy(seasoned, "10000.00", true);
		assertThat(money(engaged, "commission")).as("first day of the seventh month").isEqualByComparingTo("200.00");
		JsonNode ordinary = buy(seasoned, "5000.00", false);
		assertThat(money(ordinary, "commission")).as("not engaged").isEqualByComparingTo("0");
		assertThat(money(ordinary, "events_budget")).isEqualByComparingTo("100.00");
		purchase(Map.of("business_id", fresh, "phone", Fixtures.phone(), "amount", amount("1000.00")));

		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.eventsBudget(program.id()))))
			.isEqualByComparingTo("520.00");
		assertThat(inProgram(program, () -> ledger.accountBalance(LedgerAccount.platformRevenue(program.id()))))
			.isEqualByComparingTo("200.00");

		PartyActivity activity = inProgram(program, () -> ledger.partyActivity(PartyId.business(seasoned), from,
				clock.instant().plus(Duration.ofSeconds(1))));
		assertThat(settlement(activity, Reason.BUDGET_CONTRIBUTION)).isEqualByComparingTo("-300.00");
		assertThat(settlement(activity, Reason.COMMISSION)).isEqualByComparingTo("-200.00");
		ledgerIsConsistent();
	}

	private static BigDecimal settlement(PartyActivity activity, Reason reason) {
		return activity.lines()
			.stream()
			.filter(l -> l.account() == AccountKind.SETTLEMENT && l.reason() == reason)
			.map(PartyActivity.Line::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
