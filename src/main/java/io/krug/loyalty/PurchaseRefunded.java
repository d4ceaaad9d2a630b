package io.krug.loyalty;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * (Part of) a purchase was refunded. Published in the transaction that recorded the refund.
 *
 * @param refundAmount this refund's amount
 * @param refundedTotal all refunds of the purchase so far, this one included
 * @param bonusesReversed bonuses taken back from the member (or written off as the business's loss)
 * @param bonusesRestored bonuses the purchase had spent that were given back to the member
 */
public record PurchaseRefunded(ProgramId programId, UUID purchaseId, UUID refundId, @Nullable UUID memberId,
		UUID businessId, BigDecimal refundAmount, BigDecimal refundedTotal, BigDecimal bonusesReversed,
		BigDecimal bonusesRestored, Instant at) {
}
