package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Decides members' statuses from their purchases over the rolling 12 months. The purchase pipeline calls
 * {@link #afterPurchase} in the transaction that recorded a purchase (one statement while the member's stored figures
 * are current), and {@link #recompute(UUID, StatusReason)} in the one that refunded ({@link StatusReason#REFUND}) a
 * purchase (a handful of indexed single-member queries).
 */
public interface MemberStatuses {

	/** The member's stored status; {@link MemberStatus#INSIDER} for a member never recomputed. */
	MemberStatus current(UUID memberId);

	/** Recomputes after a purchase: {@code recompute(memberId, StatusReason.PURCHASE)}. */
	default StatusChange recompute(UUID memberId) {
		return recompute(memberId, StatusReason.PURCHASE);
	}

	/**
	 * Recomputes and stores the member's status, and awards the badges their purchases earned. When the status
	 * changed it appends to the status history, gives the member the status's role (identity) and publishes
	 * {@link io.krug.loyalty.TierChanged}. Joins the caller's transaction; concurrent calls for one member are
	 * serialized by a row lock.
	 */
	StatusChange recompute(UUID memberId, StatusReason reason);

	/**
	 * Decides the member's status after a purchase of {@code amount} in {@code category} that occurred at
	 * {@code occurredAt} was recorded for them in the caller's transaction, as
	 * {@code recompute(memberId, StatusReason.PURCHASE)} would. While the member's stored figures are current (no
	 * purchase they count has left the window since they were computed) the purchase is added to them, in the one
	 * statement that also locks the member's row; otherwise, and for a purchase outside the window, it recomputes.
	 * Purchases leaving the window lower a status only at the next recomputation (nightly at the latest).
	 */
	StatusChange afterPurchase(UUID memberId, String category, BigDecimal amount, Instant occurredAt);
}
