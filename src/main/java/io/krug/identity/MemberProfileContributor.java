package io.krug.identity;

import java.util.Map;
import java.util.UUID;

/**
 * Lets other modules add their figures to {@code GET /api/v1/users/me} (loyalty adds total_purchases,
 * categories_visited, total_bonuses; referrals add referral_code, referrals_count) without identity depending on
 * them.
 */
public interface MemberProfileContributor {

	/** Snake-case fields to merge into the member's profile; called inside a read-only transaction. */
	Map<String, Object> contribute(UUID memberId);
}
