package io.krug.webhooks.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event queued for one endpoint. Its id is the {@code webhook-id} of every attempt.
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed} (given up)
 * @param attempts attempts since it was last queued
 */
public record Message(UUID id, UUID endpointId, UUID eventId, String eventType, String status, int attempts,
		Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Instant finishedAt, Instant createdAt) {
}
