package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import java.util.UUID;

/**
 * Decides members' statuses from their purchases over the rolling 12 months. The purchase pipeline calls
 * {@link #recompute(UUID, StatusReason)} in the transaction that recorded ({@link StatusReason#PURCHASE}) or refunded
 * ({@link StatusReason#REFUND}) a purchase; it costs a handful of indexed single-member queries.
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
}
