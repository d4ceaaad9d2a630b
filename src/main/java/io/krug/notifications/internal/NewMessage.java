package io.krug.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A rendered message ready to queue for one channel. */
record NewMessage(UUID memberId, String type, String category, Priority priority, Channel channel,
		String dedupeKey, String locale, @Nullable String recipient, @Nullable String subject, String bodyText,
		@Nullable String bodyHtml, Instant notBefore) {
}
