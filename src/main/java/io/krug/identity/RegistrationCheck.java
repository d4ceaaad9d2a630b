package io.krug.identity;

import org.jspecify.annotations.Nullable;

/**
 * Lets other modules refuse a member's registration before the member is created, without identity depending on
 * them (referrals refuse an unknown referral code with a 422 {@code referral_code_invalid}, so the user can fix a
 * typo).
 */
public interface RegistrationCheck {

	/**
	 * Called inside the registration's transaction, after the phone's SMS code was checked and before the member is
	 * stored; throws a {@link io.krug.platform.web.KrugException} with a 4xx code to refuse the registration.
	 *
	 * @param phone E.164
	 * @param referralCode as given, or {@code null}
	 */
	void check(String phone, @Nullable String referralCode, @Nullable String deviceFingerprint);
}
