package io.krug.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RateLimiterTests extends ApiTest {

	@Autowired
	RateLimiter limiter;

	@Autowired
	RateLimitBucketPurge purge;

	@Autowired
	JdbcClient jdbc;

	private final String key = "+7999" + UUID.randomUUID();

	@Test
	void letsCapacityThroughThenRejectsWithRateLimitHeaders() {
		RateLimit limit = new RateLimit("test-three-per-minute", 3, Duration.ofMinutes(1));

		List<Long> remaining = List.of(limiter.consume(key, limit).remaining(), limiter.consume(key, limit).remaining(),
				limiter.consume(key, limit).remaining());
		KrugException rejected = catchThrowableOfType(KrugException.class, () -> limiter.consume(key, limit));

		assertThat(remaining).containsExactly(2L, 1L, 0L);
		assertThat(rejected.error()).isEqualTo(PlatformError.RATE_LIMITED);
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(20));
		assertThat(rejected.headers()).containsEntry("RateLimit-Limit", "3")
			.containsEntry("RateLimit-Remaining", "0")
			.containsEntry("RateLimit-Reset", "60");
	}

	@Test
	void refillsAsTheClockMoves() {
		RateLimit limit = new RateLimit("test-one-per-minute", 1, Duration.ofMinutes(1));
		limiter.consume(key, limit);
		clock.tick(Duration.ofSeconds(59));

		KrugException early = catchThrowableOfType(KrugException.class, () -> limiter.consume(key, limit));
		clock.tick(Duration.ofSeconds(1));

		assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(limiter.consume(key, limit).remaining()).isZero();
	}

	@Test
	void takesNothingFromOtherLimitsWhenTheFirstRejects() {
		RateLimit minute = new RateLimit("test-combined-minute", 1, Duration.ofMinutes(1));
		RateLimit hour = new RateLimit("test-combined-hour", 5, Duration.ofHours(1));
		limiter.consume(key, minute, hour);

		KrugException rejected = catchThrowableOfType(KrugException.class, () -> limiter.consume(key, minute, hour));

		assertThat(rejected.headers()).containsEntry("RateLimit-Limit", "1");
		assertThat(limiter.consume(key, hour).remaining()).isEqualTo(3);
	}

	@Test
	void refundsEarlierLimitsWhenALaterOneRejects() {
		RateLimit minute = new RateLimit("test-refund-minute", 5, Duration.ofMinutes(1));
		RateLimit hour = new RateLimit("test-refund-hour", 1, Duration.ofHours(1));
		RateLimitUsage first = limiter.consume(key, minute, hour);

		KrugException rejected = catchThrowableOfType(KrugException.class, () -> limiter.consume(key, minute, hour));

		assertThat(first.limit()).isEqualTo(hour);
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(limiter.consume(key, minute).remaining()).isEqualTo(3);
	}

	@Test
	void letsExactlyCapacityThroughWhenTwentyCallersRace() throws Exception {
		RateLimit limit = new RateLimit("test-race", 5, Duration.ofHours(1));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			for (int i = 0; i < 20; i++) {
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						limiter.consume(key, limit);
						return true;
					}
					catch (KrugException rejected) {
						return false;
					}
				}));
			}
			start.countDown();
			long allowed = 0;
			for (Future<Boolean> result : results) {
				allowed += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(5);
		}
	}

	@Test
	void answersOverHttpWithTooManyRequestsAndHeaders() {
		String path = "/test-support/rate-limited/" + UUID.randomUUID();
		Http.Response first = http.post(path).send();
		http.post(path).send();
		Http.Response third = http.post(path).send();

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Limit")).contains("2");
		assertThat(first.header("RateLimit-Remaining")).contains("1");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.contentType()).startsWith("application/problem+json");
		assertThat(third.text("code")).isEqualTo("rate_limited");
		assertThat(third.header("Retry-After")).contains("30");
		assertThat(third.header("RateLimit-Limit")).contains("2");
		assertThat(third.header("RateLimit-Remaining")).contains("0");
		assertThat(third.header("RateLimit-Reset")).contains("60");
	}

	@Test
	void resolvesNamedLimitsFromCodeDefaults() {
		assertThat(limiter.named(RateLimiter.LOGIN_CODE_PHONE_MINUTE))
			.isEqualTo(new RateLimit("login-code-phone-minute", 1, Duration.ofMinutes(1)));
		assertThat(limiter.named(RateLimiter.LOGIN_CODE_PHONE_HOUR))
			.isEqualTo(new RateLimit("login-code-phone-hour", 5, Duration.ofHours(1)));
		// application-test.yml overrides this one (every test client shares 127.0.0.1): configuration wins
		assertThat(limiter.named(RateLimiter.LOGIN_CODE_IP))
			.isEqualTo(new RateLimit("login-code-ip", 1_000_000, Duration.ofHours(1)));
		assertThat(limiter.named(RateLimiter.LOGIN_VERIFY_PHONE))
			.isEqualTo(new RateLimit("login-verify-phone", 10, Duration.ofMinutes(15)));
		assertThatThrownBy(() -> limiter.named("no-such-limit")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void storesExpiryOnTheApplicationClockAndPurgesExpiredBuckets() {
		RateLimit limit = new RateLimit("test-purge", 1, Duration.ofMinutes(1));
		clock.tick(Duration.ofDays(3));
		long consumedAt = clock.millis();
		limiter.consume(key, limit);
		String id = RateLimiter.bucketId(key, limit);

		Long expiresAt = jdbc.sql("SELECT expires_at FROM platform.rate_limit_buckets WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(expiresAt).isBetween(consumedAt + 60_000, consumedAt + 180_000);

		purge.purgeExpired();
		assertThat(bucketExists(id)).isTrue();
		clock.tick(Duration.ofMinutes(3));
		purge.purgeExpired();
		assertThat(bucketExists(id)).isFalse();
	}

	@Test
	void schedulesThePurgeAsARecurringJob() {
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT count(*) FROM platform.scheduled_tasks WHERE task_name = 'platform-rate-limit-buckets-purge'")
			.query(Long.class)
			.single()).isEqualTo(1));
	}

	private boolean bucketExists(String id) {
		return jdbc.sql("SELECT count(*) FROM platform.rate_limit_buckets WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}
}
