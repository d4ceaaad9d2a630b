package io.krug.identity.internal;

import io.krug.identity.IdentityError;
import io.krug.identity.TokenPair;
import io.krug.platform.Ids;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins as sessions: each holds a family of rotating refresh tokens (30 days). Using a refresh token spends it and
 * returns a new pair; presenting a spent one again means it was stolen, so the whole session is revoked.
 */
@Service
public class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private static final String PREFIX = "krt_";

	private final JdbcClient jdbc;

	private final JwtService jwt;

	private final Clock clock;

	private final Duration refreshTtl;

	private final TransactionTemplate tx;

	Sessions(JdbcClient jdbc, JwtService jwt, Clock clock, TransactionTemplate tx,
			@Value("${krug.jwt.refresh-token-ttl:30d}") Duration refreshTtl) {
		this.jdbc = jdbc;
		this.jwt = jwt;
		this.clock = clock;
		this.tx = tx;
		this.refreshTtl = refreshTtl;
	}

	/** Starts a session for a member or staff member of the current program and returns its first token pair. */
	@Transactional(propagation = Propagation.MANDATORY)
	public TokenPair start(String kind, UUID subject) {
		ProgramId program = TenantContext.require();
		UUID session = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO identity.sessions (id, program_id, subject_kind, subject_id, created_at, expires_at)
				VALUES (:id, :program, :kind, :subject, :now, :expires)""")
			.param("id", session)
			.param("program", program.value())
			.param("kind", kind)
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(refreshTtl)))
			.update();
		return pair(program, kind, subject, session, now);
	}

	/** Spends a refresh token for a new pair; a reused token revokes its whole session. */
	public TokenPair refresh(String refreshToken) {
		Stored stored = find(refreshToken).orElseThrow(IdentityError.INVALID_REFRESH_TOKEN::exception);
		// The outcome is decided inside the transaction, thrown after it commits: a reuse must stay revoked.
		Object outcome = TenantContext.call(stored.program(), () -> tx.execute(status -> rotate(stored)));
		if (outcome instanceof RuntimeException rejection) {
			throw rejection;
		}
		return (TokenPair) outcome;
	}

	private Object rotate(Stored stored) {
		Instant now = clock.instant();
		int spent = jdbc.sql("""
				UPDATE identity.refresh_tokens SET used_at = :now
				WHERE id = :id AND used_at IS NULL AND expires_at > :now""")
			.param("id", stored.id())
			.param("now", Timestamp.from(now))
			.update();
		if (spent == 0 && !stored.used()) {
			return IdentityError.INVALID_REFRESH_TOKEN.exception("The refresh token has expired. Log in again.");
		}
		if (spent == 0) {
			revokeSession(stored.session(), "refresh_token_reuse");
			log.warn("Refresh token reused: revoked session {}", stored.session());
			return IdentityError.INVALID_REFRESH_TOKEN.exception("This refresh token was already used; the session "
					+ "has been revoked. Log in again.");
		}
		// Sliding expiry: each rotation keeps the session alive for another refresh-token lifetime.
		Optional<String> kind = jdbc.sql("""
				UPDATE identity.sessions SET expires_at = :expires
				WHERE id = :id AND revoked_at IS NULL AND expires_at > :now RETURNING subject_kind""")
			.param("id", stored.session())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(refreshTtl)))
			.query(String.class)
			.optional();
		if (kind.isEmpty()) {
			return IdentityError.INVALID_REFRESH_TOKEN.exception("The session has ended. Log in again.");
		}
		return pair(stored.program(), kind.get(), stored.subject(), stored.session(), now);
	}

	/** Ends the session the refresh token belongs to (logout). Unknown tokens are ignored. */
	public void logout(String refreshToken) {
		find(refreshToken).ifPresent(stored -> TenantContext.run(stored.program(),
				() -> tx.executeWithoutResult(status -> revokeSession(stored.session(), "logout"))));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void revokeSession(UUID session, String reason) {
		jdbc.sql("""
				UPDATE identity.sessions SET revoked_at = :now, revoked_reason = :reason
				WHERE id = :id AND revoked_at IS NULL""")
			.param("id", session)
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.update();
	}

	/** Ends every session of a member or staff member (account deletion, deactivation). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void revokeAll(UUID subject, String reason) {
		jdbc.sql("""
				UPDATE identity.sessions SET revoked_at = :now, revoked_reason = :reason
				WHERE subject_id = :subject AND revoked_at IS NULL""")
			.param("subject", subject)
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.update();
	}

	private TokenPair pair(ProgramId program, String kind, UUID subject, UUID session, Instant now) {
		String refresh = PREFIX + ServiceSecrets.randomToken(32);
		jdbc.sql("""
				INSERT INTO identity.refresh_tokens (id, program_id, session_id, token_hash, expires_at, created_at)
				VALUES (:id, :program, :session, :hash, :expires, :now)""")
			.param("id", Ids.newId())
			.param("program", program.value())
			.param("session", session)
			.param("hash", Hashing.sha256(refresh))
			.param("expires", Timestamp.from(now.plus(refreshTtl)))
			.param("now", Timestamp.from(now))
			.update();
		String access = jwt.issue(new JwtService.AccessClaims(kind, subject, program, session));
		return new TokenPair(subject, access, refresh, "Bearer", jwt.ttl().toSeconds());
	}

	private Optional<Stored> find(String refreshToken) {
		if (refreshToken == null || !refreshToken.startsWith(PREFIX) || refreshToken.length() > 100) {
			return Optional.empty();
		}
		// The token is all the caller gives: find its program first (a system lookup by an unguessable hash).
		return TenantContext.callAsSystem(() -> tx.execute(status -> jdbc.sql("""
				SELECT t.id, t.program_id, t.session_id, s.subject_id, t.used_at IS NOT NULL FROM identity.refresh_tokens t
				JOIN identity.sessions s ON s.id = t.session_id WHERE t.token_hash = :hash""")
			.param("hash", Hashing.sha256(refreshToken))
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), new ProgramId(rs.getObject(2, UUID.class)),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getBoolean(5)))
			.optional()));
	}

	private record Stored(UUID id, ProgramId program, UUID session, UUID subject, boolean used) {
	}
}
