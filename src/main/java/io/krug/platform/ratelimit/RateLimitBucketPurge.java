package io.krug.platform.ratelimit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes buckets whose {@code expires_at} (epoch milliseconds of the application clock) has passed. */
@Component
class RateLimitBucketPurge {

	private static final Logger log = LoggerFactory.getLogger(RateLimitBucketPurge.class);

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimitBucketPurge(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	int purgeExpired() {
		long now = clock.millis();
		int total = 0;
		int deleted;
		do {
			deleted = jdbc.sql("""
					DELETE FROM platform.rate_limit_buckets WHERE id IN (
					  SELECT id FROM platform.rate_limit_buckets WHERE expires_at < :now LIMIT :batch
					  FOR UPDATE SKIP LOCKED)""").param("now", now).param("batch", BATCH).update();
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Purged {} expired rate-limit buckets", total);
		}
		return total;
	}
}
