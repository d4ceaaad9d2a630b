package io.krug.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238, on RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits, the
 * parameters every authenticator app uses by default. Written here rather than pulled in: the algorithm is 20 lines
 * and is tested against the RFC's own vectors.
 */
public final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private Totp() {
	}

	public static String newSecret() {
		return new Base32().encodeToString(io.krug.platform.crypto.ServiceSecrets.randomBytes(20)).replace("=", "");
	}

	public static String otpauthUri(String issuer, String account, String secret) {
		String label = enc(issuer) + ":" + enc(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + STEP_SECONDS;
	}

	/** The step a code matches within ±1 step of {@code now}, or empty. */
	public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = new Base32().decode(base32Secret);
		long current = now.getEpochSecond() / STEP_SECONDS;
		for (long step = current - 1; step <= current + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}
}
