package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.platform.Ids;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time login codes sent by SMS: random, stored only as a keyed hash, valid 5 minutes, single use, dead after 5
 * wrong tries. A new code replaces the phone's previous one.
 */
@Component
public class LoginCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final ServiceSecrets secrets;

	private final Duration ttl;

	private final int maxAttempts;

	private final int length;

	LoginCodes(JdbcClient jdbc, Clock clock, TransactionTemplate tx, ServiceSecrets secrets,
			@Value("${krug.identity.login-code.ttl:5m}") Duration ttl,
			@Value("${krug.identity.login-code.max-attempts:5}") int maxAttempts,
			@Value("${krug.identity.login-code.length:6}") int length) {
		this.jdbc = jdbc;
		this.clock = clock;
		// Checks run in their own transaction: a failed try must be counted even when the caller's rolls back.
		this.tx = new TransactionTemplate(tx.getTransactionManager());
		this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.secrets = secrets;
		this.ttl = ttl;
		this.maxAttempts = maxAttempts;
		this.length = length;
	}

	public Duration ttl() {
		return ttl;
	}

	/** Creates a new code for the phone, superseding any earlier one, and returns it in clear for the SMS. */
	public String issue(String phone) {
		ProgramId program = TenantContext.require();
		String code = String.format("%0" + length + "d", RANDOM.nextInt((int) Math.pow(10, length)));
		Instant now = clock.instant();
		tx.executeWithoutResult(status -> {
			jdbc.sql("""
					UPDATE identity.login_codes SET consumed_at = :now
					WHERE program_id = :program AND phone = :phone AND consumed_at IS NULL""")
				.param("program", program.value())
				.param("phone", phone)
				.param("now", Timestamp.from(now))
				.update();
			jdbc.sql("""
					INSERT INTO identity.login_codes (id, program_id, phone, code_hash, expires_at, created_at)
					VALUES (:id, :program, :phone, :hash, :expires, :now)""")
				.param("id", Ids.newId())
				.param("program", program.value())
				.param("phone", phone)
				.param("hash", hash(program, phone, code))
				.param("expires", Timestamp.from(now.plus(ttl)))
				.param("now", Timestamp.from(now))
				.update();
		});
		return code;
	}

	/**
	 * Checks a code without spending it and returns its id; a wrong code counts a failed try (committed even though
	 * the call fails).
	 */
	public UUID check(String phone, String code) {
		ProgramId program = TenantContext.require();
		Instant now = clock.instant();
		Optional<UUID> valid = tx.execute(status -> {
			Optional<Active> active = jdbc.sql("""
					SELECT id, code_hash, attempts FROM identity.login_codes
					WHERE program_id = :program AND phone = :phone AND consumed_at IS NULL AND expires_at > :now
					ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
				.param("program", program.value())
				.param("phone", phone)
				.param("now", Timestamp.from(now))
				.query((rs, n) -> new Active(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
				.optional();
			if (active.isEmpty() || active.get().attempts() >= maxAttempts) {
				return Optional.<UUID>empty();
			}
			if (code != null && Hashing.constantTimeEquals(active.get().hash(), hash(program, phone, code.trim()))) {
				return Optional.of(active.get().id());
			}
			jdbc.sql("UPDATE identity.login_codes SET attempts = attempts + 1 WHERE id = :id")
				.param("id", active.get().id())
				.update();
			return Optional.<UUID>empty();
		});
		return valid.orElseThrow(() -> IdentityError.INVALID_CODE
			.exception("The code is wrong, expired or used up. Request a new one."));
	}

	/** Spends a checked code; fails if a concurrent request spent it first. Call inside the login transaction. */
	public void consume(UUID codeId) {
		int spent = jdbc.sql("""
				UPDATE identity.login_codes SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL""")
			.param("id", codeId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (spent == 0) {
			throw IdentityError.INVALID_CODE.exception("The code has already been used. Request a new one.");
		}
	}

	private String hash(ProgramId program, String phone, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.key("login_code_pepper"), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((program + "|" + phone + "|" + code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Active(UUID id, String hash, int attempts) {
	}
}
