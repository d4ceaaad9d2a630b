package io.krug.platform.sms;

import io.krug.platform.tenancy.ProgramId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One text message to send.
 *
 * @param program the program on whose behalf it is sent (its message log records it)
 * @param phoneE164 the recipient, in E.164 form, e.g. {@code +79991234567}
 * @param text the message text
 * @param purpose why it is sent, a short snake_case tag such as {@code login_code}
 */
public record SmsMessage(ProgramId program, String phoneE164, String text, String purpose) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

	private static final Pattern PURPOSE = Pattern.compile("[a-z0-9_.-]{1,64}");

	public SmsMessage {
		Objects.requireNonNull(program, "program");
		if (phoneE164 == null || !E164.matcher(phoneE164).matches()) {
			throw new IllegalArgumentException("The phone must be in E.164 form, e.g. +79991234567");
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("An SMS needs a text");
		}
		if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
			throw new IllegalArgumentException("The purpose must be a short snake_case tag, e.g. login_code");
		}
	}
}
