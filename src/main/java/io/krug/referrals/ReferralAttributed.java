package io.krug.referrals;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new member was attributed to the member whose referral code they registered with.
 *
 * @param campaignId the referral campaign in force, if any
 */
public record ReferralAttributed(ProgramId programId, UUID referralId, UUID referrerId, UUID referredId,
		@Nullable UUID campaignId, Instant at) {
}
