package io.krug.webhooks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint, without its secrets.
 *
 * @param ownerMemberId the member who owns it; {@code null} for the program's endpoints
 * @param eventTypes exact names and wildcards it subscribes to
 * @param ordered whether one member's messages go strictly one after another
 * @param rateLimitPerSecond at most this many requests per second; {@code null} for no limit
 * @param previousSecretExpiresAt while in the future, deliveries are also signed with the secret before the last
 * rotation
 * @param failingSince the first failed attempt since the last success
 * @param disabledReason {@code gone} or {@code failing} when delivery turned it off
 */
public record Endpoint(UUID id, @Nullable UUID ownerMemberId, String url, @Nullable String description,
		List<String> eventTypes, boolean active, boolean ordered, @Nullable Integer rateLimitPerSecond,
		Map<String, String> headers, @Nullable Instant previousSecretExpiresAt, @Nullable Instant failingSince,
		@Nullable Instant disabledAt, @Nullable String disabledReason, String createdBy, Instant createdAt,
		Instant updatedAt) {
}
