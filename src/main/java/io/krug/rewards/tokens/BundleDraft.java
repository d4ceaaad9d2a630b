package io.krug.rewards.tokens;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What an admin gives to create or change a bundle. */
record BundleDraft(String name, @Nullable String description, int tokenCount, int durationHours, String scope,
		BigDecimal basePrice, BigDecimal discountPercent, boolean active) {
}
