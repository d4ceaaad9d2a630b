package io.krug.notifications.internal;

import io.krug.events.EventsApi;
import io.krug.events.EventsApi.ConfirmedSeat;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reminds members of events they hold a confirmed seat at, about 24 hours before the start: each run (every
 * {@link ReminderJobs#EVENT_REMINDER_INTERVAL}) looks at events starting between 1 and 25 hours from now, so a
 * run or two missed still reminds in time. One reminder per registration (its dedupe key). Members whose seat
 * became theirs within the last 24 hours before the start were just told (confirmation or promotion) and get none.
 */
@Service
class EventReminders {

	static final Duration AHEAD = Duration.ofHours(24);

	private static final Duration EARLIEST = Duration.ofHours(1);

	private static final Duration LATEST = Duration.ofHours(25);

	private final EventsApi events;

	private final Notifier notifier;

	private final Programs programs;

	EventReminders(EventsApi events, Notifier notifier, Programs programs) {
		this.events = events;
		this.notifier = notifier;
		this.programs = programs;
	}

	/** Queues the due reminders of every program; returns how many messages were queued. */
	int run(Instant now) {
		int queued = 0;
		for (Program program : programs.all()) {
			queued += run(program, now);
		}
		return queued;
	}

	/** The same for one program. */
	int run(Program program, Instant now) {
		return TenantContext.call(program.id(), () -> remind(program, now));
	}

	private int remind(Program program, Instant now) {
		int queued = 0;
		for (ConfirmedSeat seat : events.confirmedStartingBetween(now.plus(EARLIEST), now.plus(LATEST))) {
			String key = "event_reminder:" + seat.registrationId();
			boolean fresh = seat.confirmedAt().isAfter(seat.event().startsAt().minus(AHEAD));
			if (!fresh) {
				Map<String, Object> variables = EventTriggers.variables(seat.event());
				queued += notifier.notifyOnce(new Notification(program.id().value(), seat.memberId(), "event_reminder",
						EventTriggers.CATEGORY, Priority.NORMAL, key, variables));
			}
		}
		return queued;
	}
}
