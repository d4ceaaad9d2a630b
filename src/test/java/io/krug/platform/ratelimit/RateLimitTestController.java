package io.krug.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test only: an endpoint limited to 2 requests per minute per key, reporting the usage headers on success. */
@RestController
class RateLimitTestController {

	static final RateLimit LIMIT = new RateLimit("test-http", 2, Duration.ofMinutes(1));

	private final RateLimiter limiter;

	RateLimitTestController(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@PostMapping("/test-support/rate-limited/{key}")
	ResponseEntity<Map<String, Object>> limited(@PathVariable String key) {
		RateLimitUsage usage = limiter.consume(key, LIMIT);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		usage.headers().forEach(ok::header);
		return ok.body(Map.of("remaining", usage.remaining()));
	}
}
