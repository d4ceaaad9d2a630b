package io.krug.integrations.sync;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@value #TASK}: a db-scheduler recurring task (one execution across replicas) that every
 * {@code krug.integrations.poll-interval} (1 minute) syncs, in every program, the enabled integrations whose own
 * interval (15 minutes unless configured) or back-off has run out. A program that fails is logged and the others
 * still run.
 */
@Configuration(proxyBeanMethods = false)
class SyncJob {

	static final String TASK = "integrations-sync";

	private static final Logger log = LoggerFactory.getLogger(SyncJob.class);

	@Bean
	RecurringTask<Void> integrationsSyncTask(Programs programs, SyncEngine engine,
			@Value("${krug.integrations.poll-interval:1m}") Duration interval) {
		return Tasks.recurring(TASK, Schedules.fixedDelay(interval))
			.execute((instance, context) -> syncAll(programs, engine));
	}

	static void syncAll(Programs programs, SyncEngine engine) {
		for (Program program : programs.all()) {
			try {
				TenantContext.run(program.id(), engine::runDue);
			}
			catch (RuntimeException ex) {
				log.error("Integrations sync failed for program {}", program.slug(), ex);
			}
		}
	}
}
