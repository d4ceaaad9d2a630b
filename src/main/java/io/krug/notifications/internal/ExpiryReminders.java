package io.krug.notifications.internal;

import io.krug.ledger.ExpiringLots;
import io.krug.ledger.LedgerApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Warns members of bonuses about to expire, at two thresholds: lots expiring within 30 days (but not within 7) and
 * lots expiring within 7 days. The daily run (see {@link ReminderJobs}) queues one {@code bonuses_expiring} message per
 * member, threshold and expiry day: its dedupe key, so later runs that see the same lots queue nothing, and points
 * earned within 7 days of their expiry get only the 7-day warning.
 */
@Service
class ExpiryReminders {

	/** The thresholds in days, widest first; each covers the days up to the next one. */
	static final int[] THRESHOLDS = { 30, 7 };

	private final LedgerApi ledger;

	private final Notifier notifier;

	private final Programs programs;

	ExpiryReminders(LedgerApi ledger, Notifier notifier, Programs programs) {
		this.ledger = ledger;
		this.notifier = notifier;
		this.programs = programs;
	}

	/** Queues the warnings due at {@code now} in every program; returns how many messages were queued. */
	int run(Instant now) {
		int queued = 0;
		for (Program program : programs.all()) {
			queued += run(program, now);
		}
		return queued;
	}

	/** The same for one program. */
	int run(Program program, Instant now) {
		return TenantContext.call(program.id(), () -> warn(program, now));
	}

	private int warn(Program program, Instant now) {
		int queued = 0;
		for (int i = 0; i < THRESHOLDS.length; i++) {
			int threshold = THRESHOLDS[i];
			Instant from = i + 1 < THRESHOLDS.length ? now.plus(Duration.ofDays(THRESHOLDS[i + 1])) : now;
			for (ExpiringLots lots : ledger.expiringBetween(from, now.plus(Duration.ofDays(threshold)))) {
				queued += notifier.notifyOnce(notification(program, lots, threshold, now));
			}
		}
		return queued;
	}

	private static Notification notification(Program program, ExpiringLots lots, int threshold, Instant now) {
		LocalDate today = now.atZone(program.timeZone()).toLocalDate();
		long days = ChronoUnit.DAYS.between(today, lots.expiresOn());
		return new Notification(program.id().value(), lots.memberId(), "bonuses_expiring", "loyalty",
				Priority.NORMAL, "bonuses_expiring:" + threshold + ":" + lots.memberId() + ":" + lots.expiresOn(),
				Map.of("amount", lots.amount().stripTrailingZeros().toPlainString(), "expires_on",
						lots.expiresOn().toString(), "days_left", days, "threshold_days", threshold));
	}
}
