package io.krug.referrals.internal;

import java.util.Locale;

/** Why a registration with a code was not attributed; the key is public API. */
enum Rejection {

	/** The code is the new member's own: same member, same phone, or the referrer's device. */
	SELF_REFERRAL,
	/** Another friend of the same referrer registered from the same device. */
	DUPLICATE_DEVICE,
	/** The referrer was (indirectly) referred by the new member. */
	CYCLE,
	/** The referrer reached the campaign's rewarded referrals for this calendar month. */
	MONTHLY_LIMIT,
	/** The code reached the campaign's uses per code. */
	CODE_MAX_USES;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
