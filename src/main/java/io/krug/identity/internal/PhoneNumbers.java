package io.krug.identity.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.krug.identity.IdentityError;
import io.krug.platform.web.KrugException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Normalizes phone numbers to E.164 with libphonenumber; numbers without a country code use the default region. */
@Component
public class PhoneNumbers {

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(@Value("${krug.identity.default-region:RU}") String defaultRegion) {
		this.defaultRegion = defaultRegion;
	}

	public String normalize(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > 32) {
			throw invalid("A phone number is required.");
		}
		try {
			PhoneNumber number = util.parse(raw.trim(), defaultRegion);
			if (!util.isValidNumber(number)) {
				throw invalid("'" + raw + "' is not a valid phone number.");
			}
			return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
		}
		catch (NumberParseException ex) {
			throw invalid("'" + raw + "' is not a phone number: " + ex.getMessage());
		}
	}

	private static KrugException invalid(String message) {
		return KrugException.field(IdentityError.INVALID_PHONE, "phone", message);
	}
}
