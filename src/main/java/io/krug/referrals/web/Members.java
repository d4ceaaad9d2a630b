package io.krug.referrals.web;

import io.krug.identity.KrugPrincipal;
import io.krug.referrals.internal.ReferralsError;
import java.util.UUID;

/** The calling member of the member endpoints. */
final class Members {

	private Members() {
	}

	/** The calling member's id; a 403 {@code members_only} for staff and API keys. */
	static UUID current() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw ReferralsError.MEMBERS_ONLY.exception("Referral pages are members' own; staff use the admin API.");
		}
		return caller.id();
	}
}
