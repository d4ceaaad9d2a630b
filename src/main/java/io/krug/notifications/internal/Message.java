package io.krug.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored message as the worker and the APIs see it. */
public record Message(UUID id, UUID programId, UUID memberId, String type, String category, String priority,
		Channel channel, String status, String locale, @Nullable String recipient, @Nullable String subject,
		String bodyText, @Nullable String bodyHtml, int attempts, Instant nextAttemptAt,
		@Nullable UUID claimToken, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt,
		@Nullable Instant readAt) {
}
