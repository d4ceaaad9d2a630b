package io.krug.loyalty.purchases;

import io.krug.ledger.MemberBalance;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recording a purchase.
 *
 * @param created false when the business's external id named a purchase recorded before, which this is
 * @param balance the member's balance after it; {@code null} for an unmatched purchase
 */
record Recorded(PurchaseRow purchase, boolean created, @Nullable MemberBalance balance) {
}
