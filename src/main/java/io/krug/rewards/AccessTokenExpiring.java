package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's access token expires within 24 hours (published once per token).
 */
public record AccessTokenExpiring(ProgramId programId, UUID tokenId, UUID memberId, String scope, Instant expiresAt) {
}
