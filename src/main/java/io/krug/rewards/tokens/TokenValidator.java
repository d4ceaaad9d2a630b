package io.krug.rewards.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers whether an access-token secret admits its holder, from an in-process cache of live tokens keyed by program
 * and secret hash. A hit is checked against the clock every time, so an expired token is refused the instant it
 * expires; a revocation evicts on every replica through {@link RevocationListener}. Only live tokens are cached, and
 * a load that raced with an eviction is not cached, so a revoked token is never served from the cache. Counts every
 * answer in {@code token_validations_total{result=cache_hit|cache_miss|invalid|success}} (seed 001) and times it in
 * {@code krug_token_validation_seconds} (p50, p99).
 */
@Service
class TokenValidator {

	/** The scope that admits everywhere (seed 001's default). */
	static final String FULL = "full";

	private final Cache<String, AccessToken> cache;

	private final TokenStore store;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	private final AtomicLong evictions = new AtomicLong();

	private final Counter hits;

	private final Counter misses;

	private final Counter invalid;

	private final Counter success;

	private final Timer latency;

	TokenValidator(TokenStore store, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters,
			@Value("${krug.rewards.token-cache-size:100000}") long size,
			@Value("${krug.rewards.token-cache-ttl:10m}") Duration ttl) {
		this.store = store;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.cache = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
		this.hits = counter(meters, "cache_hit");
		this.misses = counter(meters, "cache_miss");
		this.invalid = counter(meters, "invalid");
		this.success = counter(meters, "success");
		this.latency = Timer.builder("krug.token.validation")
			.description("Time to answer a token validation inside the service (cache hit or database load)")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/** Validates a secret in the current program; {@code scope}, when given, must be the token's (or it is full). */
	Validation validate(String secret, @Nullable String scope) {
		return latency.record(() -> check(secret, scope));
	}

	private Validation check(String secret, @Nullable String scope) {
		UUID program = TenantContext.require().value();
		String hash = Hashing.sha256(secret);
		String key = cacheKey(program, hash);
		AccessToken token = cache.getIfPresent(key);
		if (token != null) {
			hits.increment();
		}
		else {
			misses.increment();
			token = load(key, hash);
		}
		return answer(key, token, scope);
	}

	/** Evicts one token (payload of a revocation notice: program and hash). */
	void evict(String key) {
		evictions.incrementAndGet();
		cache.invalidate(key);
	}

	/** Evicts everything: after the listener lost its connection, notices may have been missed. */
	void evictAll() {
		evictions.incrementAndGet();
		cache.invalidateAll();
	}

	static String cacheKey(UUID program, String hash) {
		return program + ":" + hash;
	}

	private @Nullable AccessToken load(String key, String hash) {
		long before = evictions.get();
		AccessToken token = readOnly.execute(s -> store.findByHash(hash).orElse(null));
		if (token != null && token.revokedAt() == null && token.expiresAt().isAfter(clock.instant())) {
			cache.put(key, token);
			if (evictions.get() != before) {
				cache.invalidate(key);
			}
		}
		return token;
	}

	private Validation answer(String key, @Nullable AccessToken token, @Nullable String scope) {
		if (token == null) {
			return refuse("unknown", null);
		}
		if (token.revokedAt() != null) {
			return refuse("revoked", token);
		}
		if (!token.expiresAt().isAfter(clock.instant())) {
			cache.invalidate(key);
			return refuse("expired", token);
		}
		if (scope != null && !FULL.equals(token.scope()) && !token.scope().equals(scope)) {
			return refuse("scope_mismatch", token);
		}
		success.increment();
		return Validation.valid(token);
	}

	private Validation refuse(String reason, @Nullable AccessToken token) {
		invalid.increment();
		return Validation.invalid(reason, token);
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder("token_validations")
			.description("Access-token validations by outcome (seed 001)")
			.tag("result", result)
			.register(meters);
	}

	/**
	 * An answer: valid, or why not ({@code unknown}, {@code revoked}, {@code expired}, {@code scope_mismatch}); the
	 * token's facts when it exists.
	 */
	record Validation(boolean valid, @Nullable String reason, @Nullable AccessToken token) {

		static Validation valid(AccessToken token) {
			return new Validation(true, null, token);
		}

		static Validation invalid(String reason, @Nullable AccessToken token) {
			return new Validation(false, reason, token);
		}
	}
}
