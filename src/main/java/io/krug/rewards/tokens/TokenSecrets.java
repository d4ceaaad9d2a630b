package io.krug.rewards.tokens;

import java.security.SecureRandom;
import java.util.Base64;

/** New access-token secrets: {@code krug_at_} and 32 random bytes, base64url without padding (51 characters). */
final class TokenSecrets {

	static final String PREFIX = "krug_at_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenSecrets() {
	}

	static String next() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
