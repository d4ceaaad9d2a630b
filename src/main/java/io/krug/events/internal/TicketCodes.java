package io.krug.events.internal;

import java.security.SecureRandom;

/**
 * Random ticket codes: 12 characters of Crockford's base32 (no I, L, O, U), 60 bits, shown as {@code XXXX-XXXX-XXXX}.
 * Guessing a live ticket is hopeless; the table's unique key catches the impossible collision.
 */
final class TicketCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private TicketCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(14);
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/** A code as typed: upper case, {@code O}→0, {@code I}/{@code L}→1, dashes and spaces where the reader likes. */
	static String normalize(String typed) {
		String upper = typed.strip().toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
		String plain = upper.replace("-", "").replace(" ", "");
		if (plain.length() != 12) {
			return upper;
		}
		return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8);
	}
}
