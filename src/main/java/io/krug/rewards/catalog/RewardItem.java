package io.krug.rewards.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item of the reward catalog, bought with available bonuses.
 *
 * @param stock how many are left; {@code null} for no limit
 * @param businessId the business that provides the item and redeems the bonuses; {@code null} for the club
 */
record RewardItem(UUID id, String name, @Nullable String description, BigDecimal price, @Nullable Integer stock,
		@Nullable UUID businessId, boolean active, Instant createdAt) {
}
