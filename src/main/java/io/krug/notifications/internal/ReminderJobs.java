package io.krug.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scans that find what to remind members of, on db-scheduler (once across replicas): expiring bonuses daily at
 * 07:00 UTC (10:00 in Moscow; quiet hours hold the messages elsewhere), events starting in about a day every
 * quarter of an hour. Both are idempotent through the messages' dedupe keys.
 */
@Configuration(proxyBeanMethods = false)
class ReminderJobs {

	static final Duration EVENT_REMINDER_INTERVAL = Duration.ofMinutes(15);

	@Bean
	RecurringTask<Void> notificationsExpiryRemindersTask(ExpiryReminders reminders, Clock clock) {
		return Tasks.recurring("notifications-expiry-reminders", Schedules.daily(ZoneOffset.UTC, LocalTime.of(7, 0)))
			.execute((instance, context) -> TenantContext.callAsSystem(() -> reminders.run(clock.instant())));
	}

	@Bean
	RecurringTask<Void> notificationsEventRemindersTask(EventReminders reminders, Clock clock) {
		return Tasks.recurring("notifications-event-reminders", FixedDelay.of(EVENT_REMINDER_INTERVAL))
			.execute((instance, context) -> TenantContext.callAsSystem(() -> reminders.run(clock.instant())));
	}
}
