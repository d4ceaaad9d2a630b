package io.krug.ledger.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.LotRun;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's recurring jobs on db-scheduler (one execution across all replicas): release pending lots and expire
 * lots, every program in turn, each in bounded batches. Both are idempotent, so a run repeated after a crash or a
 * missed one catching up does no harm.
 */
@Configuration(proxyBeanMethods = false)
class LedgerJobsConfig {

	private static final Logger log = LoggerFactory.getLogger(LedgerJobsConfig.class);

	@Bean
	RecurringTask<Void> ledgerReleasePendingTask(LedgerApi ledger, Programs programs, Clock clock,
			LedgerProperties properties) {
		return Tasks.recurring("ledger-release-pending", Schedules.fixedDelay(properties.jobInterval()))
			.execute((instance, context) -> everyProgram("release", programs, clock, LedgerApi::releasePending, ledger));
	}

	@Bean
	RecurringTask<Void> ledgerExpireLotsTask(LedgerApi ledger, Programs programs, Clock clock,
			LedgerProperties properties) {
		return Tasks.recurring("ledger-expire-lots", Schedules.fixedDelay(properties.jobInterval()))
			.execute((instance, context) -> everyProgram("expiry", programs, clock, LedgerApi::expire, ledger));
	}

	private static void everyProgram(String job, Programs programs, Clock clock,
			BiFunction<LedgerApi, Instant, LotRun> work, LedgerApi ledger) {
		Instant now = clock.instant();
		RuntimeException failure = null;
		for (Program program : programs.all()) {
			try {
				LotRun run = TenantContext.call(program.id(), () -> work.apply(ledger, now));
				if (run.lots() > 0) {
					log.info("Ledger {} in program {}: {} lots of {} members, {} points", job, program.slug(),
							run.lots(), run.members(), run.amount());
				}
			}
			catch (RuntimeException ex) {
				// One program's failure must not hold back the others; the run is marked failed below.
				log.error("Ledger {} failed in program {}", job, program.slug(), ex);
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
