package io.krug.platform.sms;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a program's message log. The text is masked for messages sent through a real gateway. */
public record SmsMessageView(UUID id, String phone, String text, String purpose, String provider, SmsStatus status,
		@Nullable String providerMessageId, @Nullable String error, Instant createdAt) {
}
