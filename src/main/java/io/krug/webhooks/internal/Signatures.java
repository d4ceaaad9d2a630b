package io.krug.webhooks.internal;

import io.krug.platform.crypto.ServiceSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme: secrets are {@code whsec_} + base64 of the key bytes; a signature is
 * {@code v1,} + base64(HMAC-SHA256(key, webhook-id + "." + webhook-timestamp + "." + body)); the
 * {@code webhook-signature} header holds one per valid secret, separated by spaces.
 */
final class Signatures {

	static final String SECRET_PREFIX = "whsec_";

	private Signatures() {
	}

	/** A new secret: {@code whsec_} + base64 of 32 random bytes. */
	static String newSecret() {
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(ServiceSecrets.randomBytes(32));
	}

	static byte[] key(String secret) {
		if (!secret.startsWith(SECRET_PREFIX)) {
			throw new IllegalArgumentException("Not a webhook secret");
		}
		return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
	}

	static String sign(byte[] key, String messageId, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** The {@code webhook-signature} header: a signature per key. */
	static String header(List<byte[]> keys, String messageId, long timestamp, String body) {
		return keys.stream().map(k -> sign(k, messageId, timestamp, body)).collect(Collectors.joining(" "));
	}
}
