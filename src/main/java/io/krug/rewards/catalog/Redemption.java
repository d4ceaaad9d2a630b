package io.krug.rewards.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A catalog item a member bought with bonuses.
 *
 * @param code what the member shows where the item is handed over
 */
record Redemption(UUID id, UUID itemId, String itemName, UUID memberId, BigDecimal price, @Nullable UUID businessId,
		String code, UUID ledgerTransactionId, Instant redeemedAt) {
}
