package io.krug.loyalty.status;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schedules {@link NightlyRecompute} on db-scheduler: one execution across all replicas, by default every day at
 * 03:00 UTC ({@code krug.loyalty.status.nightly-cron}, a six-field cron, in {@code krug.loyalty.status.nightly-zone}).
 */
@Configuration(proxyBeanMethods = false)
class NightlyStatusJob {

	static final String TASK = "loyalty-status-nightly";

	@Bean
	RecurringTask<Void> loyaltyStatusNightlyTask(NightlyRecompute nightly,
			@Value("${krug.loyalty.status.nightly-cron:0 0 3 * * *}") String cron,
			@Value("${krug.loyalty.status.nightly-zone:UTC}") String zone) {
		return Tasks.recurring(TASK, Schedules.cron(cron, ZoneId.of(zone))).execute((instance, context) -> nightly.runAll());
	}
}
