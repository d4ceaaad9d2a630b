package io.krug.platform.crypto;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys the service makes for itself when the operator configured none (the JWT signing key, the data encryption
 * key): generated once, stored in PostgreSQL, and so shared by every replica. Production should set them in the
 * environment instead, so a database dump alone does not hold them.
 */
@Component
public class ServiceSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceSecrets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The named 32-byte key, created on first use (the first replica to ask wins; the others read its key). */
	@Transactional
	public byte[] key(String name) {
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		jdbc.sql("INSERT INTO platform.service_secrets (name, value, created_at) VALUES (:n, :v, :t) ON CONFLICT DO NOTHING")
			.param("n", name)
			.param("v", Base64.getEncoder().encodeToString(fresh))
			.param("t", Timestamp.from(clock.instant()))
			.update();
		String stored = jdbc.sql("SELECT value FROM platform.service_secrets WHERE name = :n")
			.param("n", name)
			.query(String.class)
			.single();
		return Base64.getDecoder().decode(stored);
	}

	public static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** A random URL-safe token of {@code bytes} random bytes. */
	public static String randomToken(int bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
	}
}
