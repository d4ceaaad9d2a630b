package io.krug.loyalty.purchases;

import io.krug.ledger.MemberBalance;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The outcome of recording a purchase.
 *
 * @param created false when the business's external id named a purchase recorded before, which this is
 * @param balance the member's balance after it; {@code null} for an unmatched purchase
 */
@NamedInterface("purchases")
public record Recorded(PurchaseRow purchase, boolean created, @Nullable MemberBalance balance) {

	/** The purchase's id. */
	public UUID purchaseId() {
		return purchase.id();
	}

	/** The buyer; {@code null} for an unmatched purchase. */
	public @Nullable UUID memberId() {
		return purchase.memberId();
	}

	/** The purchase's amount. */
	public BigDecimal amount() {
		return purchase.amount();
	}
}
