package io.krug.platform.sms;

import java.util.Locale;

/** Whether the gateway accepted a message. */
public enum SmsStatus {

	SENT, FAILED;

	/** The value stored and shown in the API: {@code sent} or {@code failed}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static SmsStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}
}
