package io.krug.referrals.internal;

import io.krug.platform.tenancy.TenantContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' referral codes: 8 upper-case letters and digits (no 0/O, 1/I look-alikes), unique per program, issued on
 * registration or, for members who joined before, on first use.
 */
@Service
public class ReferralCodes {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate separate;

	ReferralCodes(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A code as members type it: trimmed, upper case; {@code null} for blank. */
	static @Nullable String normalize(@Nullable String code) {
		return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
	}

	/** Issues the member's code if they have none; keeps the fingerprint they registered with. */
	@Transactional
	public String issue(UUID memberId, @Nullable String deviceFingerprint) {
		for (int attempt = 0; attempt < 10; attempt++) {
			int inserted = jdbc.sql("""
					INSERT INTO referrals.codes (program_id, member_id, code, device_fingerprint, created_at)
					VALUES (:program, :member, :code, :fingerprint, :now) ON CONFLICT DO NOTHING""")
				.param("program", TenantContext.require().value())
				.param("member", memberId)
				.param("code", generate())
				.param("fingerprint", deviceFingerprint)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.update();
			Optional<String> code = codeOf(memberId);
			if (inserted == 1 || code.isPresent()) {
				return code.orElseThrow();
			}
		}
		throw new IllegalStateException("No free referral code after 10 tries; indicates a bug");
	}

	/**
	 * The member's code, issued now (in a transaction of its own) when they have none yet: works from read-only
	 * transactions such as the profile's.
	 */
	public String codeFor(UUID memberId) {
		return codeOf(memberId).orElseGet(() -> separate.execute(s -> issue(memberId, null)));
	}

	Optional<String> codeOf(UUID memberId) {
		return jdbc.sql("SELECT code FROM referrals.codes WHERE program_id = :program AND member_id = :member")
			.param("program", TenantContext.require().value())
			.param("member", memberId)
			.query(String.class)
			.optional();
	}

	/** Who owns a code (normalized), and the fingerprint they registered with; locks the code's row when asked. */
	Optional<Owner> owner(String code, boolean lock) {
		return jdbc.sql("""
				SELECT member_id, device_fingerprint FROM referrals.codes
				WHERE program_id = :program AND code = :code""" + (lock ? " FOR UPDATE" : ""))
			.param("program", TenantContext.require().value())
			.param("code", code)
			.query((rs, n) -> new Owner(rs.getObject("member_id", UUID.class), rs.getString("device_fingerprint")))
			.optional();
	}

	/** Forgets an erased member's code. */
	void erase(UUID memberId) {
		jdbc.sql("DELETE FROM referrals.codes WHERE program_id = :program AND member_id = :member")
			.param("program", TenantContext.require().value())
			.param("member", memberId)
			.update();
	}

	record Owner(UUID memberId, @Nullable String deviceFingerprint) {
	}

	private static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}
}
