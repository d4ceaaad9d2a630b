package io.krug.platform.ratelimit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Buckets live in {@code platform.rate_limit_buckets} so every replica shares them; each consumption locks its row
 * ({@code SELECT … FOR UPDATE}) in a short transaction of its own. Time comes from the application clock, for
 * refills and for the {@code expires_at} the purge task reads (see {@link ClockExpiresAtColumn}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

	/** A bucket's row is kept this long after it would be full again; a missing row means a full bucket. */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	@Bean
	ProxyManager<String> rateLimitBuckets(DataSource dataSource, Clock clock) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("platform.rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.addCustomColumn(new ClockExpiresAtColumn("expires_at",
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL)))
			.clientClock(new ClockTimeMeter(clock))
			.build();
	}

	@Bean
	RecurringTask<Void> rateLimitBucketsPurgeTask(RateLimitBucketPurge purge) {
		return Tasks.recurring("platform-rate-limit-buckets-purge", FixedDelay.ofMinutes(15))
			.execute((instance, context) -> purge.purgeExpired());
	}
}
