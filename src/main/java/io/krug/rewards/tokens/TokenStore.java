package io.krug.rewards.tokens;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The access tokens table: tokens by secret hash, per member, due for the expiring notice; revocation. */
@Repository
class TokenStore {

	/** The channel revocations are announced on; every replica listens. */
	static final String CHANNEL = "krug_token_revoked";

	private static final String COLUMNS = "id, member_id, hint, scope, duration_hours, bundle_purchase_id, issued_at,"
			+ " expires_at, revoked_at";

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AccessToken token, String hash, UUID ledgerTransactionId) {
		jdbc.sql("""
				INSERT INTO rewards.access_tokens (id, program_id, member_id, token_hash, hint, scope, duration_hours,
				  bundle_purchase_id, ledger_transaction_id, issued_at, expires_at)
				VALUES (:id, :p, :member, :hash, :hint, :scope, :hours, :bundle, :tx, :issued, :expires)""")
			.param("id", token.id())
			.param("p", program())
			.param("member", token.memberId())
			.param("hash", hash)
			.param("hint", token.hint())
			.param("scope", token.scope())
			.param("hours", token.durationHours())
			.param("bundle", token.bundlePurchaseId(), java.sql.Types.OTHER)
			.param("tx", ledgerTransactionId)
			.param("issued", Timestamp.from(token.issuedAt()))
			.param("expires", Timestamp.from(token.expiresAt()))
			.update();
	}

	Optional<AccessToken> findByHash(String hash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM rewards.access_tokens WHERE token_hash = :hash")
			.param("hash", hash)
			.query(TokenStore::token)
			.optional();
	}

	Optional<AccessToken> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM rewards.access_tokens WHERE id = :id")
			.param("id", id)
			.query(TokenStore::token)
			.optional();
	}

	List<AccessToken> ofMember(UUID member, int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM rewards.access_tokens WHERE program_id = :p AND member_id = :member
				ORDER BY issued_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("p", program())
			.param("member", member)
			.param("limit", limit)
			.param("offset", offset)
			.query(TokenStore::token)
			.list();
	}

	long countOfMember(UUID member) {
		return jdbc.sql("SELECT count(*) FROM rewards.access_tokens WHERE program_id = :p AND member_id = :member")
			.param("p", program())
			.param("member", member)
			.query(Long.class)
			.single();
	}

	/**
	 * Revokes the token and announces it with {@code pg_notify} in the same transaction (delivered to the listeners
	 * at commit, not at all on rollback); the hash of a token that was already revoked is announced again.
	 */
	Optional<String> revoke(UUID id, String actor, Instant at) {
		Optional<String> hash = jdbc.sql("""
				UPDATE rewards.access_tokens SET revoked_at = coalesce(revoked_at, :at),
				  revoked_by = coalesce(revoked_by, :by)
				WHERE id = :id RETURNING token_hash""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("by", actor)
			.query(String.class)
			.optional();
		hash.ifPresent(h -> jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", TokenValidator.cacheKey(TenantContext.require().value(), h))
			.query((rs, n) -> 1)
			.single());
		return hash;
	}

	/** Marks the program's live tokens expiring within {@code until} as notified; returns those newly marked. */
	List<AccessToken> markExpiring(Instant now, Instant until) {
		return jdbc.sql("UPDATE rewards.access_tokens SET expiring_notified_at = :now" + """
				 WHERE program_id = :p AND revoked_at IS NULL AND expiring_notified_at IS NULL
				  AND expires_at > :now AND expires_at <= :until
				RETURNING\s""" + COLUMNS)
			.param("p", program())
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(until))
			.query(TokenStore::token)
			.list();
	}

	private static AccessToken token(ResultSet rs, int row) throws SQLException {
		return new AccessToken(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("hint"), rs.getString("scope"), rs.getInt("duration_hours"),
				rs.getObject("bundle_purchase_id", UUID.class), instant(rs, "issued_at"), instant(rs, "expires_at"),
				nullableInstant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
