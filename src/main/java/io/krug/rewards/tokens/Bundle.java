package io.krug.rewards.tokens;

import io.krug.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seed 001's TokenBundle: {@code tokenCount} access tokens of {@code durationHours} each and {@code scope}, sold at
 * {@link #totalPrice()}.
 */
record Bundle(UUID id, String name, @Nullable String description, int tokenCount, int durationHours, String scope,
		BigDecimal basePrice, BigDecimal discountPercent, boolean active, Instant createdAt) {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/** The base price less the discount, rounded once to 0.01 (seed: 90.00 at 10 % is 81.00). */
	BigDecimal totalPrice() {
		return totalPrice(basePrice, discountPercent);
	}

	/** What the discount saves: base price − total price. */
	BigDecimal savings() {
		return basePrice.subtract(totalPrice());
	}

	static BigDecimal totalPrice(BigDecimal basePrice, BigDecimal discountPercent) {
		return Money.round(basePrice.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED));
	}
}
