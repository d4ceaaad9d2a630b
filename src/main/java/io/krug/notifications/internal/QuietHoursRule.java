package io.krug.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours in the member's time zone: a window from {@code start} to {@code end} (spanning midnight when start is
 * after end, as the default 22:00–08:00 does). A message due inside it waits until the window ends.
 */
final class QuietHoursRule {

	private QuietHoursRule() {
	}

	/** {@code at} itself when outside the window, else the window's end. */
	static Instant nextAllowed(Instant at, ZoneId zone, LocalTime start, LocalTime end) {
		if (start.equals(end)) {
			return at;
		}
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		boolean spansMidnight = start.isAfter(end);
		if (spansMidnight) {
			if (!time.isBefore(start)) {
				return day.plusDays(1).atTime(end).atZone(zone).toInstant();
			}
			return time.isBefore(end) ? day.atTime(end).atZone(zone).toInstant() : at;
		}
		return !time.isBefore(start) && time.isBefore(end) ? day.atTime(end).atZone(zone).toInstant() : at;
	}
}
