package io.krug.loyalty.status;

import java.util.Locale;

/** What made a member's status be recomputed; recorded with every change in the status history. */
public enum StatusReason {

	/** A purchase was recorded (or claimed by the member). */
	PURCHASE,
	/** A purchase was refunded, fully or in part. */
	REFUND,
	/** The nightly recomputation: purchases left the 12-month window, the top-spender cutoff moved, rules changed. */
	NIGHTLY,
	/** A business owner or an admin invited the member to the inner circle. */
	INVITATION,
	/** An admin revoked the member's inner-circle invitation. */
	REVOCATION;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
