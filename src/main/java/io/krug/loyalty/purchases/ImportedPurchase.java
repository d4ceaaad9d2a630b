package io.krug.loyalty.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One purchase of a bulk import ({@link PurchaseImports}), as the file gave it.
 *
 * @param phone E.164, already normalized
 * @param category the purchase's category key; the business's when {@code null}
 * @param externalId the business's id of the sale: a second purchase with it is a duplicate and records nothing
 */
@NamedInterface("purchases")
public record ImportedPurchase(Instant occurredAt, String phone, BigDecimal amount, @Nullable String category,
		@Nullable String description, String externalId) {
}
