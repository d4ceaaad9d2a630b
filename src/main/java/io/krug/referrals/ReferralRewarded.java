package io.krug.referrals;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A referral reward was credited to a member, exactly once per reward.
 *
 * @param role {@code referrer} or {@code friend}
 * @param bonus bonuses credited; zero for a reward of quota units only
 * @param transactionId the ledger transaction of the bonus; {@code null} when no bonus moved
 */
public record ReferralRewarded(ProgramId programId, UUID referralId, UUID memberId, String role, BigDecimal bonus,
		@Nullable UUID transactionId, Instant at) {
}
