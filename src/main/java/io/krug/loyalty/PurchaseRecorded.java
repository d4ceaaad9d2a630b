package io.krug.loyalty;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner business recorded a purchase. Published in the transaction that stored it. An import's purchases come
 * in batches as {@link PurchasesImported} instead: a listener of this event should handle that one too.
 *
 * @param memberId the buyer; {@code null} while the buyer's phone is not a member (an unmatched purchase)
 * @param category the purchase's category key
 * @param engaged whether the platform brought the purchase (commission applies)
 */
public record PurchaseRecorded(ProgramId programId, UUID purchaseId, @Nullable UUID memberId, UUID businessId,
		BigDecimal amount, String category, boolean engaged, Instant occurredAt) {
}
