package io.krug.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes expired idempotency keys of every program, every 15 minutes, on one replica (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

	private static final int BATCH = 5_000;

	private final IdempotencyKeys keys;

	private final Clock clock;

	IdempotencyKeyPurge(IdempotencyKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> idempotencyKeysPurgeTask() {
		return Tasks.recurring("platform-idempotency-keys-purge", FixedDelay.ofMinutes(15))
			.execute((instance, context) -> purgeExpired());
	}

	/** Deletes every key whose {@code expires_at} has passed; returns how many. */
	int purgeExpired() {
		Instant now = clock.instant();
		int total = 0;
		int deleted;
		do {
			// Keys are tenant rows: the purge is one of the few jobs that spans all programs.
			deleted = TenantContext.callAsSystem(() -> keys.deleteExpired(now, BATCH));
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Purged {} expired idempotency keys", total);
		}
		return total;
	}
}
