package io.krug.rewards.tokens;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An access token as stored: never its secret, only a hint (the secret's last 4 characters) to tell tokens apart.
 *
 * @param bundlePurchaseId the bundle purchase that issued it; {@code null} for a single token
 */
record AccessToken(UUID id, UUID memberId, String hint, String scope, int durationHours,
		@Nullable UUID bundlePurchaseId, Instant issuedAt, Instant expiresAt, @Nullable Instant revokedAt) {

	/** active, expired or revoked at {@code now}. */
	String status(Instant now) {
		if (revokedAt != null) {
			return "revoked";
		}
		return expiresAt.isAfter(now) ? "active" : "expired";
	}
}
