package io.krug.loyalty.purchases;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.platform.Money;
import java.math.BigDecimal;

/**
 * Seed 003's {@code calculate_bonuses}: (amount − bonuses spent) × cashback of the status, × the status's
 * new-category multiplier when the member never bought in the category before, × the business's promotion
 * multiplier, rounded once to 0.01 ({@link Money#round}, HALF_EVEN).
 *
 * <p>
 * The part of a check paid with bonuses earns nothing: bonuses are a discount the business already gives, and
 * earning on them would let points breed points.
 */
final class Earnings {

	private Earnings() {
	}

	static BigDecimal bonuses(LoyaltyRules rules, MemberStatus status, BigDecimal amount, BigDecimal spent,
			boolean newCategory, BigDecimal promotionMultiplier) {
		BigDecimal bonuses = amount.subtract(spent).multiply(rules.cashback().of(status));
		if (newCategory) {
			bonuses = bonuses.multiply(rules.newCategoryMultiplier().of(status));
		}
		return Money.round(bonuses.multiply(promotionMultiplier));
	}

	/**
	 * {@code value × part / whole}, rounded once: the share of {@code value} that {@code part} of a purchase carries.
	 * Refunds compute cumulative shares and take differences, so all refunds of a purchase together give back
	 * exactly its value.
	 */
	static BigDecimal proportion(BigDecimal value, BigDecimal part, BigDecimal whole) {
		return value.multiply(part).divide(whole, Money.SCALE, Money.ROUNDING);
	}
}
