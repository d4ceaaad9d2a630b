package io.krug.notifications.internal;

import java.util.Locale;

/** Where a message goes. */
public enum Channel {

	EMAIL, IN_APP, SMS, TELEGRAM, PUSH;

	/** Whether the member notices a message at once (quiet hours and the daily cap apply to these). */
	public boolean intrusive() {
		return this != IN_APP;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Channel of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
