package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarningsTests {

	static final LoyaltyRules RULES = LoyaltyRules.defaults();

	static BigDecimal bonuses(MemberStatus status, String amount, String spent, boolean newCategory, String promo) {
		return Earnings.bonuses(RULES, status, new BigDecimal(amount), new BigDecimal(spent), newCategory,
				new BigDecimal(promo));
	}

	@ParameterizedTest(name = "{0}: {1} new={3} promo={4} → {5}")
	@CsvSource({ "INSIDER, 1000.00, 0, false, 1, 50.00", "INSIDER, 1000.00, 0, true, 1, 75.00",
			"VIP, 1000.00, 0, false, 1, 70.00", "VIP, 1000.00, 0, true, 1, 140.00", "ELITE, 1000.00, 0, false, 1, 100.00",
			"ELITE, 1000.00, 0, true, 1, 200.00", "INNER_CIRCLE, 1000.00, 0, true, 1, 200.00",
			"INSIDER, 1000.00, 0, true, 2.00, 150.00", "VIP, 1000.00, 300.00, false, 1.50, 73.50" })
	void earnsTheSeedsCashbackPerStatus(MemberStatus status, String amount, String spent, boolean newCategory,
			String promo, String expected) {
		assertThat(bonuses(status, amount, spent, newCategory, promo)).isEqualByComparingTo(expected);
	}

	@Test
	void roundsOnceHalfEvenAfterAllMultipliers() {
		assertThat(bonuses(MemberStatus.INSIDER, "333.33", "0", false, "1")).isEqualByComparingTo("16.67");
		assertThat(bonuses(MemberStatus.INSIDER, "2.50", "0", false, "1")).isEqualByComparingTo("0.12");
		assertThat(bonuses(MemberStatus.INSIDER, "7.50", "0", false, "1")).isEqualByComparingTo("0.38");
		// rounded once: 0.05 × 1.5 × 1.1 on 0.10 is 0.00825, not round(round(0.0075) × 1.1)
		assertThat(bonuses(MemberStatus.INSIDER, "0.10", "0", true, "1.10")).isEqualByComparingTo("0.01");
	}

	@Test
	void proportionsOfARefundAddUpToTheWhole() {
		BigDecimal whole = new BigDecimal("1000.00");
		BigDecimal earned = new BigDecimal("75.00");
		BigDecimal first = Earnings.proportion(earned, new BigDecimal("333.33"), whole);
		BigDecimal rest = earned.subtract(first);
		assertThat(first).isEqualByComparingTo("25.00");
		assertThat(Earnings.proportion(earned, whole, whole)).isEqualByComparingTo(earned);
		assertThat(first.add(rest)).isEqualByComparingTo(earned);
	}

	@Test
	void commissionStartsOnTheFirstDayOfThePartnersSeventhMonthAndOnlyForEngagedPurchases() {
		LocalDate joined = LocalDate.parse("2026-01-31");
		BigDecimal amount = new BigDecimal("3500.00");
		assertThat(ClubShares.of(RULES, amount, true, LocalDate.parse("2026-07-30"), joined).commission())
			.isEqualByComparingTo("0");
		assertThat(ClubShares.of(RULES, amount, true, LocalDate.parse("2026-07-31"), joined).commission())
			.isEqualByComparingTo("70.00");
		assertThat(ClubShares.of(RULES, amount, false, LocalDate.parse("2026-08-31"), joined).commission())
			.isEqualByComparingTo("0");
		assertThat(ClubShares.of(RULES, amount, false, LocalDate.parse("2026-02-01"), joined).eventsBudget())
			.as("seed: 5000 × 2%% = 100; 3500 × 2%% = 70").isEqualByComparingTo("70.00");
	}
}
