package io.krug.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** The SHA-256 of what makes two requests "the same": method, path, query string and body bytes. */
final class Fingerprint {

	private Fingerprint() {
	}

	static String of(String method, String path, @Nullable String query, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { method, path, query == null ? "" : query }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				sha.update(lengthPrefix(bytes.length));
				sha.update(bytes);
			}
			sha.update(lengthPrefix(body.length));
			sha.update(body);
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	// Length prefixes keep ("/a", "b=1") and ("/ab", "=1") apart.
	private static byte[] lengthPrefix(int length) {
		return new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length };
	}
}
