package io.krug.referrals.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A referral campaign: when it runs, its limits and its rewards.
 *
 * @param maxUsesPerCode attributions one code may bring during the campaign; unlimited when {@code null}
 * @param monthlyLimit rewarded (attributed) referrals per referrer per calendar month of the program
 * @param holdDays days a bonus stays pending before it can be spent
 */
public record ReferralCampaign(UUID id, String name, Instant startsAt, @Nullable Instant endsAt,
		@Nullable Integer maxUsesPerCode, int monthlyLimit, int holdDays, RewardTerms rewards, Instant createdAt,
		Instant updatedAt) {

	/**
	 * What a referral earns. Bonuses are points; zero means none.
	 *
	 * @param purchasePercent share of each of the friend's purchases credited to the referrer, in percent
	 * @param purchasePercentDays for how many days after the registration; for ever when {@code null}
	 * @param quotaUnits units of {@code quotaName} granted to both the referrer and the friend on registration
	 */
	public record RewardTerms(BigDecimal referrerOnRegistration, BigDecimal friendOnRegistration,
			BigDecimal referrerOnFirstPurchase, BigDecimal friendOnFirstPurchase, BigDecimal purchasePercent,
			@Nullable Integer purchasePercentDays, int quotaUnits, @Nullable String quotaName) {
	}

	/** A campaign as an admin writes it. */
	public record Draft(String name, Instant startsAt, @Nullable Instant endsAt, @Nullable Integer maxUsesPerCode,
			int monthlyLimit, int holdDays, RewardTerms rewards) {
	}
}
