package io.krug.referrals.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program's referrals as admins review them, attributed and rejected (with the reason). */
@Service
public class AdminReferrals {

	private final ReferralStore referrals;

	AdminReferrals(ReferralStore referrals) {
		this.referrals = referrals;
	}

	/** A page of referrals, newest first, and how many match. */
	public record Page(List<Referral> items, long total) {
	}

	@Transactional(readOnly = true)
	public Page list(@Nullable String status, @Nullable UUID referrer, int limit, int offset) {
		return new Page(referrals.list(status, referrer, limit, offset), referrals.count(status, referrer));
	}
}
