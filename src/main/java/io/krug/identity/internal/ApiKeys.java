package io.krug.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.identity.ApiScope;
import io.krug.identity.IdentityError;
import io.krug.platform.Ids;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys for servers (POS, CRM, product backends): {@code krug_sk_…}, shown once, stored as a SHA-256 hash,
 * scoped to one program and a set of scopes, revocable; the last use is recorded (at most once a minute).
 * Authentication answers from a per-replica cache, so a request with a known key touches no database; a revocation
 * evicts on every replica at once ({@code pg_notify} on {@value #CHANNEL}, see {@link ApiKeyRevocationListener}).
 */
@Service
public class ApiKeys {

	public static final String PREFIX = "krug_sk_";

	/** PostgreSQL channel on which a revocation announces the key's id. */
	static final String CHANNEL = "krug_api_key_revoked";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	/**
	 * Authenticated keys by secret hash, for a few seconds ({@code krug.identity.api-key-cache-ttl}, 10 s): a POS
	 * sending a purchase a second should not cost a lookup each. A revocation evicts at once on every replica; the
	 * TTL bounds how stale {@code last_used_at} gets and is the backstop should a notice be lost.
	 */
	private final Cache<String, ApiKey> recent;

	/** Counts evictions, so a load that raced with one is not cached (it may have read the key before revocation). */
	private final AtomicLong evictions = new AtomicLong();

	ApiKeys(JdbcClient jdbc, Clock clock, TransactionTemplate tx,
			@org.springframework.beans.factory.annotation.Value("${krug.identity.api-key-cache-ttl:10s}") java.time.Duration cacheTtl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
		this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
	}

	public record ApiKey(UUID id, ProgramId programId, String name, String prefix, Set<ApiScope> scopes,
			String createdBy, Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
	}

	public record CreatedKey(ApiKey key, String secret) {
	}

	public CreatedKey create(String name, List<String> scopes, String actor) {
		ProgramId program = TenantContext.require();
		Set<ApiScope> parsed = new LinkedHashSet<>();
		for (String scope : scopes) {
			parsed.add(ApiScope.parse(scope)
				.orElseThrow(() -> KrugException.field(IdentityError.UNKNOWN_SCOPE, "scopes", "Unknown scope '" + scope
						+ "'; known: " + Arrays.stream(ApiScope.values()).map(ApiScope::value).toList())));
		}
		String secret = PREFIX + ServiceSecrets.randomToken(32);
		UUID id = Ids.newId();
		tx.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO identity.api_keys (id, program_id, name, prefix, secret_hash, scopes, created_by, created_at)
				VALUES (:id, :p, :name, :prefix, :hash, :scopes, :by, :now)""")
			.param("id", id)
			.param("p", program.value())
			.param("name", name.trim())
			.param("prefix", secret.substring(0, PREFIX.length() + 6))
			.param("hash", Hashing.sha256(secret))
			.param("scopes", parsed.stream().map(ApiScope::value).toArray(String[]::new))
			.param("by", actor)
			.param("now", Timestamp.from(clock.instant()))
			.update());
		return new CreatedKey(get(id).orElseThrow(), secret);
	}

	public List<ApiKey> list() {
		ProgramId program = TenantContext.require();
		return tx.execute(status -> jdbc
			.sql("SELECT * FROM identity.api_keys WHERE program_id = :p ORDER BY created_at, id")
			.param("p", program.value())
			.query(ApiKeys::map)
			.list());
	}

	public Optional<ApiKey> get(UUID id) {
		ProgramId program = TenantContext.require();
		return tx.execute(status -> jdbc.sql("SELECT * FROM identity.api_keys WHERE program_id = :p AND id = :id")
			.param("p", program.value())
			.param("id", id)
			.query(ApiKeys::map)
			.optional());
	}

	/**
	 * Revokes the key and announces it with {@code pg_notify} in the same transaction: every replica's listener
	 * evicts it at commit (this replica's cache at once, too).
	 */
	public void revoke(UUID id) {
		ProgramId program = TenantContext.require();
		boolean revoked = tx.execute(status -> {
			Optional<UUID> updated = jdbc.sql("""
					UPDATE identity.api_keys SET revoked_at = coalesce(revoked_at, :now)
					WHERE program_id = :p AND id = :id RETURNING id""")
				.param("p", program.value())
				.param("id", id)
				.param("now", Timestamp.from(clock.instant()))
				.query(UUID.class)
				.optional();
			updated.ifPresent(revokedId -> jdbc.sql("SELECT pg_notify(:channel, :payload)")
				.param("channel", CHANNEL)
				.param("payload", revokedId.toString())
				.query((rs, n) -> 1)
				.single());
			return updated.isPresent();
		});
		if (!revoked) {
			throw IdentityError.API_KEY_NOT_FOUND.exception();
		}
		evict(id);
	}

	/** Drops the cached key with this id (a revocation, here or on another replica). */
	void evict(UUID id) {
		evictions.incrementAndGet();
		recent.asMap().values().removeIf(key -> key.id().equals(id));
	}

	/** Drops every cached key: revocation notices may have been missed. */
	void evictAll() {
		evictions.incrementAndGet();
		recent.invalidateAll();
	}

	/** The active key with this secret, across programs (the secret is all the caller gives). */
	public Optional<ApiKey> authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		String hash = Hashing.sha256(secret);
		ApiKey cached = recent.getIfPresent(hash);
		if (cached != null) {
			return Optional.of(cached);
		}
		Instant now = clock.instant();
		long before = evictions.get();
		Optional<ApiKey> found = TenantContext.callAsSystem(() -> tx.execute(status -> {
			Optional<ApiKey> key = jdbc
				.sql("SELECT * FROM identity.api_keys WHERE secret_hash = :hash AND revoked_at IS NULL")
				.param("hash", hash)
				.query(ApiKeys::map)
				.optional();
			key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minusSeconds(60)))
				.ifPresent(k -> jdbc.sql("UPDATE identity.api_keys SET last_used_at = :now WHERE id = :id")
					.param("id", k.id())
					.param("now", Timestamp.from(now))
					.update());
			return key;
		}));
		found.ifPresent(key -> {
			recent.put(hash, key);
			if (evictions.get() != before) {
				recent.invalidate(hash);
			}
		});
		return found;
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("scopes");
		Set<ApiScope> scopes = Arrays.stream((String[]) array.getArray())
			.map(s -> ApiScope.parse(s).orElseThrow())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Timestamp revoked = rs.getTimestamp("revoked_at");
		Timestamp used = rs.getTimestamp("last_used_at");
		return new ApiKey(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
				rs.getString("name"), rs.getString("prefix"), scopes, rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
				used == null ? null : used.toInstant());
	}
}
