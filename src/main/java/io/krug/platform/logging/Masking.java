package io.krug.platform.logging;

import java.util.regex.Pattern;

/**
 * Masks personal data in log text: phone numbers, e-mail addresses and one-time codes. Applied to every log line,
 * so a careless log statement cannot leak them; only the {@code log} SMS provider's own line is written in full.
 */
public final class Masking {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(\\+?\\d{8,13})(\\d{2})(?![\\w-])");

	// "code: 123456", "code is 123456.", "код 123456": the value is 3+ characters and does not take a final full stop
	private static final Pattern CODE = Pattern
		.compile("(?i)(code|код|otp|password|secret)((?:\\s+is)?[\"':=\\s]*)([^\\s\"',}]{2,}[^\\s\"',}.])");

	private Masking() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = CODE.matcher(text).replaceAll("$1$2***");
		masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
		return PHONE.matcher(masked).replaceAll(m -> "*".repeat(Math.min(8, m.group(1).length())) + m.group(2));
	}

	/** A phone for a log line: the last two digits only. */
	public static String phone(String e164) {
		return e164.length() <= 2 ? "**" : "***" + e164.substring(e164.length() - 2);
	}
}
