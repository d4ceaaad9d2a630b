package io.krug.notifications.internal;

import org.jspecify.annotations.Nullable;

/** A program's own SMTP server, overriding {@code spring.mail.*}. */
public record SmtpSettings(String host, int port, @Nullable String username, @Nullable String password,
		String fromAddress, boolean startTls) {
}
