package io.krug.referrals.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An erased member's referral code and registration device are forgotten; referrals and rewards stay, holding ids
 * and amounts only (the ledger keeps the bonuses they posted).
 */
@Service
class ReferralErasure {

	private final ReferralCodes codes;

	private final ReferralStore referrals;

	ReferralErasure(ReferralCodes codes, ReferralStore referrals) {
		this.codes = codes;
		this.referrals = referrals;
	}

	@Transactional
	public void forget(UUID memberId) {
		codes.erase(memberId);
		referrals.erase(memberId);
	}
}
