package io.krug.platform.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named rate limits ({@code krug.rate-limits.<name>.capacity} and {@code .period}), over code defaults for the
 * limits Krug itself uses. E.g. {@code krug.rate-limits.login-code-ip.capacity=100}.
 */
@ConfigurationProperties("krug.rate-limits")
class RateLimitProperties extends LinkedHashMap<String, RateLimitProperties.Spec> {

	static final Map<String, Spec> DEFAULTS = Map.of(
			RateLimiter.LOGIN_CODE_PHONE_MINUTE, new Spec(1L, Duration.ofMinutes(1)),
			RateLimiter.LOGIN_CODE_PHONE_HOUR, new Spec(5L, Duration.ofHours(1)),
			RateLimiter.LOGIN_CODE_IP, new Spec(30L, Duration.ofHours(1)),
			RateLimiter.LOGIN_VERIFY_PHONE, new Spec(10L, Duration.ofMinutes(15)));

	/** One configured limit; a value left out falls back to the code default of the same name. */
	record Spec(@Nullable Long capacity, @Nullable Duration period) {
	}

	RateLimit resolve(String name) {
		Spec configured = get(name);
		Spec fallback = DEFAULTS.get(name);
		Long capacity = pick(configured == null ? null : configured.capacity(),
				fallback == null ? null : fallback.capacity());
		Duration period = pick(configured == null ? null : configured.period(),
				fallback == null ? null : fallback.period());
		if (capacity == null || period == null) {
			throw new IllegalArgumentException("Rate limit '" + name + "' needs krug.rate-limits." + name
					+ ".capacity and .period");
		}
		return new RateLimit(name, capacity, period);
	}

	private static <T> @Nullable T pick(@Nullable T configured, @Nullable T fallback) {
		return configured != null ? configured : fallback;
	}
}
