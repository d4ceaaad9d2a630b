package io.krug.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Rate limits shared by all replicas (token buckets in PostgreSQL). {@link #consume} takes one request from every
 * given limit or from none: limits are taken in order and, when one rejects, the tokens already taken from the
 * earlier ones are refunded. A concurrent caller may briefly see those refunded tokens missing, so the combination
 * errs towards rejecting, never towards letting more through than any single limit allows.
 *
 * <p>
 * Each bucket is consumed in a short transaction of its own on a separate connection: a request counts even if the
 * caller's transaction rolls back. Call it before opening a transaction, so one request never holds two connections.
 */
@Service
public class RateLimiter {

	/** Login codes sent to one phone per minute (default 1/1m). */
	public static final String LOGIN_CODE_PHONE_MINUTE = "login-code-phone-minute";

	/** Login codes sent to one phone per hour (default 5/1h). */
	public static final String LOGIN_CODE_PHONE_HOUR = "login-code-phone-hour";

	/** Login codes requested from one IP address per hour (default 30/1h). */
	public static final String LOGIN_CODE_IP = "login-code-ip";

	/** Code verification attempts for one phone (default 10/15m). */
	public static final String LOGIN_VERIFY_PHONE = "login-verify-phone";

	private final ProxyManager<String> buckets;

	private final RateLimitProperties properties;

	RateLimiter(ProxyManager<String> buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	/** The configured limit of this name ({@code krug.rate-limits.<name>}), or its code default. */
	public RateLimit named(String name) {
		return properties.resolve(name);
	}

	/**
	 * Counts one request for {@code key} (a phone, an IP address, a member id…) against every limit.
	 *
	 * @return what is left of the most restrictive limit
	 * @throws KrugException {@code rate_limited} (429) with {@code Retry-After} and {@code RateLimit-*} headers of
	 * the limit that rejected
	 */
	public RateLimitUsage consume(String key, RateLimit... limits) {
		if (limits.length == 0) {
			throw new IllegalArgumentException("consume needs at least one limit");
		}
		List<BucketProxy> taken = new ArrayList<>(limits.length);
		List<RateLimitUsage> usages = new ArrayList<>(limits.length);
		for (RateLimit limit : limits) {
			BucketProxy bucket = bucket(key, limit);
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				taken.forEach(b -> b.addTokens(1));
				throw rejected(limit, probe);
			}
			taken.add(bucket);
			usages.add(new RateLimitUsage(limit, probe.getRemainingTokens(),
					Duration.ofNanos(probe.getNanosToWaitForReset())));
		}
		return usages.stream()
			.min(Comparator.comparingLong(RateLimitUsage::remaining)
				.thenComparing(RateLimitUsage::reset, Comparator.reverseOrder()))
			.orElseThrow();
	}

	private BucketProxy bucket(String key, RateLimit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period())
				.build())
			.build();
		return buckets.builder().build(bucketId(key, limit), () -> configuration);
	}

	/**
	 * The bucket's row id: the limit's name and shape (a reconfigured limit starts a fresh bucket) and a hash of the
	 * key, so no phone number or address is stored in the table.
	 */
	static String bucketId(String key, RateLimit limit) {
		return limit.name() + "|" + limit.capacity() + "/" + limit.period() + "|" + sha256(key);
	}

	private static KrugException rejected(RateLimit limit, ConsumptionProbe probe) {
		long retryAfter = Math.max(1, RateLimitUsage.ceilSeconds(Duration.ofNanos(probe.getNanosToWaitForRefill())));
		RateLimitUsage usage = new RateLimitUsage(limit, 0, Duration.ofNanos(probe.getNanosToWaitForReset()));
		return new KrugException(PlatformError.RATE_LIMITED,
				"Too many requests; try again in " + retryAfter + " seconds.", List.of(), Map.of(),
				Duration.ofSeconds(retryAfter), usage.headers());
	}

	private static String sha256(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}
}
