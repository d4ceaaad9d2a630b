package io.krug.loyalty.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status rules and the progress percentage, without Spring. */
class StatusPolicyTests {

	static final LoyaltyRules.Tiers TIERS = LoyaltyRules.defaults().tiers();

	static final Set<String> PROGRAM = Set.of("a", "b", "c", "d", "e", "f");

	static MemberSpend spend(String amount, String... categories) {
		return new MemberSpend(new BigDecimal(amount), Set.of(categories), new BigDecimal(amount), Set.of(categories),
				categories.length);
	}

	static MemberStatus decide(MemberSpend spend) {
		return StatusPolicy.decide(TIERS, spend, null, false, PROGRAM);
	}

	@Test
	void thresholdsAreInclusive() {
		assertThat(decide(spend("29999.99", "a", "b", "c"))).isEqualTo(MemberStatus.INSIDER);
		assertThat(decide(spend("30000.00", "a", "b", "c"))).isEqualTo(MemberStatus.VIP);
		assertThat(decide(spend("99999.99", "a", "b", "c", "d", "e"))).isEqualTo(MemberStatus.VIP);
		assertThat(decide(spend("100000", "a", "b", "c", "d", "e"))).isEqualTo(MemberStatus.ELITE);
		assertThat(decide(spend("199999.99", "a", "b", "c", "d", "e", "f"))).isEqualTo(MemberStatus.ELITE);
		assertThat(decide(spend("200000", "a", "b", "c", "d", "e", "f"))).isEqualTo(MemberStatus.INNER_CIRCLE);
	}

	@Test
	void innerCircleNeedsEveryCategoryOfTheProgramNotJustAsMany() {
		assertThat(decide(spend("500000", "a", "b", "c", "d", "e", "x"))).isEqualTo(MemberStatus.ELITE);
		assertThat(StatusPolicy.decide(TIERS, spend("500000", "a", "b", "c", "d", "e"), null, false, Set.of()))
			.as("a program without categories has no inner circle by purchases")
			.isEqualTo(MemberStatus.ELITE);
	}

	@Test
	void topSpendersAreEliteAtOrAboveTheCutoff() {
		BigDecimal cutoff = new BigDecimal("5000");
		assertThat(StatusPolicy.decide(TIERS, spend("5000", "a"), cutoff, false, PROGRAM)).isEqualTo(MemberStatus.ELITE);
		assertThat(StatusPolicy.decide(TIERS, spend("4999.99", "a"), cutoff, false, PROGRAM))
			.isEqualTo(MemberStatus.INSIDER);
	}

	@Test
	void anInvitationMakesInnerCircleWhateverTheSpend() {
		assertThat(StatusPolicy.decide(TIERS, MemberSpend.NONE, null, true, PROGRAM))
			.isEqualTo(MemberStatus.INNER_CIRCLE);
	}

	@Test
	void percentageAveragesTheTwoCappedRatiosAndRoundsDown() {
		assertThat(StatusProgress.percentage(new BigDecimal("15000"), new BigDecimal("30000"), 1, 3)).isEqualTo(41);
		assertThat(StatusProgress.percentage(new BigDecimal("20000"), new BigDecimal("30000"), 1, 3))
			.as("2/3 and 1/3 average to exactly 50")
			.isEqualTo(50);
		assertThat(StatusProgress.percentage(new BigDecimal("45000"), new BigDecimal("100000"), 4, 5)).isEqualTo(62);
		assertThat(StatusProgress.percentage(new BigDecimal("900000"), new BigDecimal("100000"), 1, 5))
			.as("overspending does not make up for categories")
			.isEqualTo(60);
		assertThat(StatusProgress.percentage(new BigDecimal("100000"), new BigDecimal("100000"), 5, 5)).isEqualTo(100);
		assertThat(StatusProgress.percentage(BigDecimal.ZERO, new BigDecimal("30000"), 0, 3)).isZero();
		assertThat(StatusProgress.percentage(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0)).isEqualTo(100);
	}

	@Test
	void percentageIsNeverAboveOneHundredOrBelowZero() {
		Set<Integer> seen = new HashSet<>();
		for (int spent = 0; spent <= 60_000; spent += 2_500) {
			for (int visited = 0; visited <= 6; visited++) {
				int p = StatusProgress.percentage(BigDecimal.valueOf(spent), new BigDecimal("30000"), visited, 3);
				assertThat(p).isBetween(0, 100);
				seen.add(p);
			}
		}
		assertThat(seen).contains(0, 100);
	}
}
