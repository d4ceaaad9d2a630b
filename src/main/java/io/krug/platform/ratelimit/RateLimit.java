package io.krug.platform.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A limit of {@code capacity} requests per {@code period}, as a token bucket: up to {@code capacity} at once, then
 * refilled continuously at {@code capacity / period} (so 5 per hour allows a new request every 12 minutes once the
 * first five are used).
 *
 * @param name stable name; part of the stored bucket's identity, e.g. {@code login-code-phone-hour}
 * @param capacity requests allowed per period, at least 1
 * @param period the refill period, positive
 */
public record RateLimit(String name, long capacity, Duration period) {

	public RateLimit {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(period, "period");
		if (name.isBlank() || capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a name, a capacity >= 1 and a positive period");
		}
	}
}
