package io.krug.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the delivery worker on db-scheduler: one execution at a time across replicas, every
 * {@code krug.notifications.worker.interval} (default 2 s). More replicas add no parallelism to this job; the
 * worker's claims are nonetheless safe to run concurrently (see {@link DeliveryWorker}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	@Bean
	RecurringTask<Void> notificationsDeliveryTask(DeliveryWorker worker, Clock clock,
			@Value("${krug.notifications.worker.interval:PT2S}") Duration interval) {
		return Tasks.recurring("notifications-delivery", FixedDelay.of(interval))
			.execute((instance, context) -> TenantContext.callAsSystem(() -> worker.deliverDue(clock.instant())));
	}

	/** Runs due scheduled messages every minute. */
	@Bean
	RecurringTask<Void> notificationsSchedulesTask(Schedules schedules, Clock clock) {
		return Tasks.recurring("notifications-schedules", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> TenantContext.callAsSystem(() -> schedules.run(clock.instant())));
	}

	/** Folds held low-priority e-mails into daily digests every five minutes (digests are due at 18:00 local). */
	@Bean
	RecurringTask<Void> notificationsDigestTask(Digests digests, Clock clock) {
		return Tasks.recurring("notifications-digests", FixedDelay.ofMinutes(5))
			.execute((instance, context) -> TenantContext.callAsSystem(() -> digests.run(clock.instant())));
	}
}
