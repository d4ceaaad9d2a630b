package io.krug.notifications.internal;

import java.util.Locale;

/** How urgent a message is; the worker delivers more urgent messages first. */
public enum Priority {

	CRITICAL, HIGH, NORMAL, LOW;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
