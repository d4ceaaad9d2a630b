package io.krug.rewards.tokens;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.web.PlatformError;

/** The caller as a member: only members hold wallets and tokens. */
final class Members {

	private Members() {
	}

	static KrugPrincipal require() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw PlatformError.FORBIDDEN.exception("Only members buy and hold access tokens.");
		}
		return caller;
	}
}
