package io.krug.rewards.catalog;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an admin gives to add or change a catalog item (see {@link RewardItem}). */
record ItemDraft(String name, @Nullable String description, BigDecimal price, @Nullable Integer stock,
		@Nullable UUID businessId, boolean active) {
}
