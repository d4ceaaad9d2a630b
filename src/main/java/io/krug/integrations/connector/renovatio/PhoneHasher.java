package io.krug.integrations.connector.renovatio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Pseudonymizes a patient's phone: lower-case hex of HMAC-SHA256, keyed with the integration's
 * {@code phone_hash_key}, over the phone in E.164 (parsed with libphonenumber; numbers without a country code belong
 * to {@code region}). The engine hashes members' phones the same way to match them without learning the patient's.
 */
final class PhoneHasher {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private final SecretKeySpec key;

	private final String region;

	PhoneHasher(String key, String region) {
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.region = region;
	}

	/** The hash of {@code raw}, or {@code null} when it is not a valid phone number (nothing to match then). */
	@Nullable String hash(@Nullable String raw) {
		String e164 = e164(raw);
		if (e164 == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK; its absence indicates a broken runtime",
					ex);
		}
	}

	private @Nullable String e164(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			PhoneNumber number = PHONES.parse(raw.strip(), region);
			return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
		}
		catch (NumberParseException ex) {
			return null;
		}
	}
}
