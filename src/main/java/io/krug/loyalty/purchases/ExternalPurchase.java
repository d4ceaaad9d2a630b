package io.krug.loyalty.purchases;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A purchase as the system that owns its sale sees it.
 *
 * @param created false when the business's external id named a purchase recorded before, which this is
 * @param matched whether a member bought it (false: an unmatched phone, credited if it registers later)
 * @param refundedAmount what its refunds have given back so far
 */
@NamedInterface("purchases")
public record ExternalPurchase(UUID purchaseId, boolean created, boolean matched, BigDecimal amount,
		BigDecimal refundedAmount) {

	/** What is left to refund. */
	public BigDecimal remaining() {
		return amount.subtract(refundedAmount);
	}

	static ExternalPurchase of(PurchaseRow row, boolean created) {
		return new ExternalPurchase(row.id(), created, row.matched(), row.amount(), row.refundedAmount());
	}
}
