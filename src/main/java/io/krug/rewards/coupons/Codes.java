package io.krug.rewards.coupons;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes people read and type: from an alphabet without look-alike characters (no 0/O, 1/I/L), upper case.
 * Promo codes have 8 characters (31^8 ≈ 8.5·10^11 codes), activation codes 6; uniqueness is the database's unique
 * index, and a collision is retried by the caller.
 */
final class Codes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int CODE_LENGTH = 8;

	static final int ACTIVATION_LENGTH = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Codes() {
	}

	static String code() {
		return random(CODE_LENGTH);
	}

	static String activation() {
		return random(ACTIVATION_LENGTH);
	}

	/** A code as typed at the till: spaces and dashes dropped, upper case. */
	static String normalize(String typed) {
		return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}
}
