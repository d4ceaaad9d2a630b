package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Seed 003's status rules, highest first, over the rolling 12 months:
 * <ul>
 * <li>inner_circle: invited (by a business owner or an admin), or net spend at least
 * {@code innerCircleMinSpend} and every category of the program visited;</li>
 * <li>elite: spend and categories at least {@code elite}'s, or spend at least the program's top-share cutoff
 * ({@link TopSpenders});</li>
 * <li>vip: spend and categories at least {@code vip}'s;</li>
 * <li>insider otherwise.</li>
 * </ul>
 * Thresholds are inclusive ({@code >=}).
 */
final class StatusPolicy {

	private StatusPolicy() {
	}

	static MemberStatus decide(LoyaltyRules.Tiers tiers, MemberSpend spend, @Nullable BigDecimal eliteCutoff,
			boolean invited, Set<String> programCategories) {
		return decide(tiers, spend, eliteCutoff, invited, () -> programCategories);
	}

	/** As above, asking for the program's categories only when spend alone would make the member inner_circle. */
	static MemberStatus decide(LoyaltyRules.Tiers tiers, MemberSpend spend, @Nullable BigDecimal eliteCutoff,
			boolean invited, Supplier<Set<String>> programCategories) {
		if (invited || innerCircleBySpend(tiers, spend, programCategories)) {
			return MemberStatus.INNER_CIRCLE;
		}
		if (meets(tiers.elite(), spend) || topSpender(spend, eliteCutoff)) {
			return MemberStatus.ELITE;
		}
		return meets(tiers.vip(), spend) ? MemberStatus.VIP : MemberStatus.INSIDER;
	}

	static boolean meets(LoyaltyRules.Threshold threshold, MemberSpend spend) {
		return spend.spentInWindow().compareTo(threshold.minSpend()) >= 0
				&& spend.categoriesInWindow().size() >= threshold.minCategories();
	}

	static boolean innerCircleBySpend(LoyaltyRules.Tiers tiers, MemberSpend spend,
			Supplier<Set<String>> programCategories) {
		if (spend.spentInWindow().compareTo(tiers.innerCircleMinSpend()) < 0) {
			return false;
		}
		Set<String> all = programCategories.get();
		return !all.isEmpty() && spend.categoriesInWindow().containsAll(all);
	}

	static boolean topSpender(MemberSpend spend, @Nullable BigDecimal eliteCutoff) {
		return eliteCutoff != null && spend.spentInWindow().signum() > 0
				&& spend.spentInWindow().compareTo(eliteCutoff) >= 0;
	}
}
