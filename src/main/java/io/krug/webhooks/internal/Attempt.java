package io.krug.webhooks.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt.
 *
 * @param status {@code succeeded}, {@code failed} (an answer other than 2xx, or none), or {@code blocked} (the
 * target resolved to a refused address; nothing was sent)
 * @param responseBody the first 1 KB of the answer
 */
public record Attempt(UUID id, UUID messageId, String eventType, String status, @Nullable Integer responseCode,
		int durationMs, @Nullable String responseBody, @Nullable String error, Instant attemptedAt) {
}
