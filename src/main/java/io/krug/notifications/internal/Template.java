package io.krug.notifications.internal;

import org.jspecify.annotations.Nullable;

/** One template's parts for a type, channel and locale; {@code subject} is the push/in-app title. */
public record Template(String type, String channel, String locale, @Nullable String subject, String text,
		@Nullable String html) {
}
