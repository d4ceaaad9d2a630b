package io.krug.referrals.internal;

import io.krug.identity.RegistrationCheck;
import io.krug.platform.web.KrugException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses a registration whose referral code no member of the program has, with a 422 {@code referral_code_invalid}
 * on {@code referral_code}, before the member is created: the user fixes the typo or leaves the code out.
 */
@Component
class ReferralCodeCheck implements RegistrationCheck {

	private final ReferralCodes codes;

	ReferralCodeCheck(ReferralCodes codes) {
		this.codes = codes;
	}

	@Override
	public void check(String phone, @Nullable String referralCode, @Nullable String deviceFingerprint) {
		String code = ReferralCodes.normalize(referralCode);
		if (code != null && codes.owner(code, false).isEmpty()) {
			throw KrugException.field(ReferralsError.REFERRAL_CODE_INVALID, "referral_code",
					"No member has the referral code " + code + "; check it or leave it out.");
		}
	}
}
