package io.krug.webhooks.internal;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message a worker claimed, with what sending it takes. Secrets and headers are still sealed.
 *
 * @param lease the claim's token: the outcome is recorded only while the message still carries it
 * @param attempts attempts made before this one
 */
record Claimed(UUID messageId, UUID lease, ProgramId programId, UUID endpointId, String eventType, int attempts,
		String payload, String url, String secret, @Nullable String previousSecret,
		@Nullable Instant previousSecretExpiresAt, @Nullable String headers, @Nullable Integer rateLimitPerSecond) {
}
