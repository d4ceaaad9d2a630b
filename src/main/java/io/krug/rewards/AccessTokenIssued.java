package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * An access token was issued to a member (bought singly or in a bundle, or granted).
 */
public record AccessTokenIssued(ProgramId programId, UUID tokenId, UUID memberId, String scope, Instant expiresAt) {
}
