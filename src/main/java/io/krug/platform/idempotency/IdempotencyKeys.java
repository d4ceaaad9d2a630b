package io.krug.platform.idempotency;

import io.krug.platform.Ids;
import io.krug.platform.idempotency.Claim.StoredResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code platform.idempotency_keys} table. Writes commit in their own transaction, independent of the request's
 * work, so concurrent duplicates see the claim at once; or, for {@link Idempotent#sharedTransaction()} handlers, in
 * the request's transaction ({@code *Shared}). Callers bind the key's program in {@code TenantContext} first: the
 * rows are tenant rows.
 */
@Repository
class IdempotencyKeys {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final IdempotencyProperties properties;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Claims the key for a request with fingerprint {@code hash}: inserts it as in progress, or decides from the
	 * existing row (under a row lock, so two racing takeovers cannot both win).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Claim claim(KeyScope scope, String hash, Instant now) {
		UUID claimId = Ids.newId();
		return insert(scope, hash, now, claimId) ? new Claim.Acquired(claimId) : decide(scope, hash, now, claimId);
	}

	/**
	 * Claims the key in the caller's transaction, whose work then shares it: the claim (or a take-over) commits or
	 * rolls back with the work, and costs one statement while the key is free. A concurrent request holding the key
	 * the same way is told apart by a transaction-scoped advisory lock on the key, so this answers
	 * {@link Claim.InUse} at once instead of waiting on the holder's uncommitted row; otherwise it decides as
	 * {@link #claim} does.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Claim claimShared(KeyScope scope, String hash, Instant now) {
		UUID claimId = Ids.newId();
		Shared shared = jdbc.sql("""
				WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0)) AS free),
				inserted AS (
				  INSERT INTO platform.idempotency_keys
				    (program_id, key, principal, request_hash, status, created_at, locked_until, expires_at, claim_id)
				  SELECT :program, :key, :principal, :hash, 'in_progress', :now, :lockedUntil, :expiresAt, :claim
				  FROM lock WHERE free
				  ON CONFLICT DO NOTHING RETURNING 1
				)
				SELECT (SELECT free FROM lock) AS free, EXISTS (SELECT 1 FROM inserted) AS inserted""")
			.param("lock", scope.program().value() + "/" + scope.principal() + "/" + scope.key())
			.param("program", scope.program().value())
			.param("key", scope.key())
			.param("principal", scope.principal())
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("lockedUntil", Timestamp.from(now.plus(properties.lease())))
			.param("expiresAt", Timestamp.from(now.plus(properties.ttl())))
			.param("claim", claimId)
			.query((rs, n) -> new Shared(rs.getBoolean("free"), rs.getBoolean("inserted")))
			.single();
		if (!shared.free()) {
			return new Claim.InUse(Duration.ofSeconds(1));
		}
		return shared.inserted() ? new Claim.Acquired(claimId) : decide(scope, hash, now, claimId);
	}

	private record Shared(boolean free, boolean inserted) {
	}

	/** The key is taken: decides from its row, locked, whether to replay, refuse or take it over. */
	private Claim decide(KeyScope scope, String hash, Instant now, UUID claimId) {
		Optional<Existing> existing = lock(scope);
		if (existing.isEmpty()) {
			// Released between our insert and our lock: the key is free again.
			return insert(scope, hash, now, claimId) ? new Claim.Acquired(claimId)
					: new Claim.InUse(Duration.ofSeconds(1));
		}
		Existing row = existing.get();
		if (!row.expiresAt().isAfter(now)) {
			return takeOver(scope, hash, now, claimId);
		}
		if (!row.hash().equals(hash)) {
			return new Claim.Reused();
		}
		if (row.completed()) {
			return new Claim.Replay(new StoredResponse(row.status(), headers(row.headersJson()),
					row.body() == null ? new byte[0] : row.body()));
		}
		if (row.lockedUntil().isAfter(now)) {
			return new Claim.InUse(Duration.between(now, row.lockedUntil()));
		}
		return takeOver(scope, hash, now, claimId);
	}

	/** Stores the outcome of the request that owns the claim; false if its lease was taken over meanwhile. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean complete(KeyScope scope, UUID claimId, StoredResponse response, Instant now) {
		return update(scope, claimId, response, now);
	}

	/** {@link #complete} in the caller's transaction, the one its {@link #claimShared} claim was made in. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean completeShared(KeyScope scope, UUID claimId, StoredResponse response, Instant now) {
		return update(scope, claimId, response, now);
	}

	/**
	 * Stores the outcome of a request whose shared transaction rolled back although it answered below 500 (a client
	 * error raised inside it), so that a retry replays it; does nothing if another request claimed the key since.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void storeOutcome(KeyScope scope, String hash, StoredResponse response, Instant now) {
		jdbc.sql("""
				INSERT INTO platform.idempotency_keys (program_id, key, principal, request_hash, status, created_at,
				  locked_until, expires_at, claim_id, response_status, response_headers, response_body)
				VALUES (:program, :key, :principal, :hash, 'completed', :now, :now, :expiresAt, :claim, :status,
				  CAST(:headers AS jsonb), :body)
				ON CONFLICT DO NOTHING""")
			.param("program", scope.program().value())
			.param("key", scope.key())
			.param("principal", scope.principal())
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(properties.ttl())))
			.param("claim", Ids.newId())
			.param("status", response.status())
			.param("headers", json.writeValueAsString(response.headers()))
			.param("body", response.body())
			.update();
	}

	private boolean update(KeyScope scope, UUID claimId, StoredResponse response, Instant now) {
		return jdbc.sql("""
				UPDATE platform.idempotency_keys
				SET status = 'completed', response_status = :status, response_headers = CAST(:headers AS jsonb),
				    response_body = :body, locked_until = :now, expires_at = :expiresAt
				WHERE program_id = :program AND principal = :principal AND key = :key AND claim_id = :claim""")
			.param("status", response.status())
			.param("headers", json.writeValueAsString(response.headers()))
			.param("body", response.body())
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(properties.ttl())))
			.param("program", scope.program().value())
			.param("principal", scope.principal())
			.param("key", scope.key())
			.param("claim", claimId)
			.update() == 1;
	}

	/** Frees the key (the request failed with a 5xx or an exception), so a retry runs the request again. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void release(KeyScope scope, UUID claimId) {
		jdbc.sql("""
				DELETE FROM platform.idempotency_keys
				WHERE program_id = :program AND principal = :principal AND key = :key AND claim_id = :claim""")
			.param("program", scope.program().value())
			.param("principal", scope.principal())
			.param("key", scope.key())
			.param("claim", claimId)
			.update();
	}

	/** Deletes up to {@code batch} expired keys of the programs visible to the current transaction. */
	@Transactional
	public int deleteExpired(Instant now, int batch) {
		return jdbc.sql("""
				DELETE FROM platform.idempotency_keys WHERE ctid IN (
				  SELECT ctid FROM platform.idempotency_keys WHERE expires_at <= :now LIMIT :batch
				  FOR UPDATE SKIP LOCKED)""").param("now", Timestamp.from(now)).param("batch", batch).update();
	}

	private boolean insert(KeyScope scope, String hash, Instant now, UUID claimId) {
		return jdbc.sql("""
				INSERT INTO platform.idempotency_keys
				  (program_id, key, principal, request_hash, status, created_at, locked_until, expires_at, claim_id)
				VALUES (:program, :key, :principal, :hash, 'in_progress', :now, :lockedUntil, :expiresAt, :claim)
				ON CONFLICT DO NOTHING""")
			.param("program", scope.program().value())
			.param("key", scope.key())
			.param("principal", scope.principal())
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("lockedUntil", Timestamp.from(now.plus(properties.lease())))
			.param("expiresAt", Timestamp.from(now.plus(properties.ttl())))
			.param("claim", claimId)
			.update() == 1;
	}

	private Claim takeOver(KeyScope scope, String hash, Instant now, UUID claimId) {
		jdbc.sql("""
				UPDATE platform.idempotency_keys
				SET request_hash = :hash, status = 'in_progress', response_status = NULL, response_headers = NULL,
				    response_body = NULL, created_at = :now, locked_until = :lockedUntil, expires_at = :expiresAt,
				    claim_id = :claim
				WHERE program_id = :program AND principal = :principal AND key = :key""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("lockedUntil", Timestamp.from(now.plus(properties.lease())))
			.param("expiresAt", Timestamp.from(now.plus(properties.ttl())))
			.param("claim", claimId)
			.param("program", scope.program().value())
			.param("principal", scope.principal())
			.param("key", scope.key())
			.update();
		return new Claim.Acquired(claimId);
	}

	private Optional<Existing> lock(KeyScope scope) {
		return jdbc.sql("""
				SELECT request_hash, status, response_status, response_headers::text AS headers, response_body,
				       locked_until, expires_at
				FROM platform.idempotency_keys
				WHERE program_id = :program AND principal = :principal AND key = :key
				FOR UPDATE""")
			.param("program", scope.program().value())
			.param("principal", scope.principal())
			.param("key", scope.key())
			.query((rs, n) -> new Existing(rs.getString("request_hash"), "completed".equals(rs.getString("status")),
					rs.getInt("response_status"), rs.getString("headers"), rs.getBytes("response_body"),
					rs.getTimestamp("locked_until").toInstant(), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	private record Existing(String hash, boolean completed, int status, String headersJson, byte[] body,
			Instant lockedUntil, Instant expiresAt) {
	}

	private Map<String, String> headers(String headersJson) {
		return headersJson == null ? Map.of() : json.readValue(headersJson, HEADERS);
	}
}
