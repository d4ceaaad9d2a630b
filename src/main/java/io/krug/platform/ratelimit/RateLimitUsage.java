package io.krug.platform.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is left of the most restrictive limit after a request was let through; a controller may send it back with
 * {@link #headers()}.
 *
 * @param limit the limit with the fewest requests left
 * @param remaining requests left under it
 * @param reset time until its full capacity is available again
 */
public record RateLimitUsage(RateLimit limit, long remaining, Duration reset) {

	public static final String LIMIT_HEADER = "RateLimit-Limit";

	public static final String REMAINING_HEADER = "RateLimit-Remaining";

	public static final String RESET_HEADER = "RateLimit-Reset";

	/** The IETF {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds) headers. */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(LIMIT_HEADER, Long.toString(limit.capacity()));
		headers.put(REMAINING_HEADER, Long.toString(remaining));
		headers.put(RESET_HEADER, Long.toString(ceilSeconds(reset)));
		return headers;
	}

	static long ceilSeconds(Duration duration) {
		long seconds = duration.toSeconds();
		return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
	}
}
