package io.krug.identity;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member joined a program: by registering themselves or, for {@code source = "import"}, brought in by an admin.
 * Carries the referral code given at registration for the referrals module.
 */
public record MemberRegistered(ProgramId programId, UUID memberId, String phone, @Nullable String referralCode,
		@Nullable String deviceFingerprint, String source, Instant at) {
}
