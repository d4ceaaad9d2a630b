package io.krug.loyalty.purchases;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase to record.
 *
 * @param category the purchase's category key; the business's when {@code null}
 * @param externalId the business's own id of the sale; a second purchase with it returns the first
 * @param occurredAt when it happened; now when {@code null}
 * @param spendBonuses bonuses paying part of the check; none when {@code null}
 * @param channel how it arrived: {@code qr}, {@code manual} or {@code api}
 * @param actor who records it, e.g. {@code staff:<uuid>}
 */
@NamedInterface("purchases")
public record RecordPurchase(UUID businessId, Customer customer, BigDecimal amount, @Nullable String category,
		@Nullable String description, @Nullable String externalId, @Nullable Instant occurredAt,
		@Nullable BigDecimal spendBonuses, boolean engaged, @Nullable UUID sourceBusinessId, String channel,
		String actor) {
}
