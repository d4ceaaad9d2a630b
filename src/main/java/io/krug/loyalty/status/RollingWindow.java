package io.krug.loyalty.status;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The rolling 12 months statuses are measured over, on the program's calendar. {@code end} is now; {@code start} is
 * the same wall-clock time twelve calendar months earlier in the program's time zone (java.time month arithmetic: a
 * 29 February start moves to the 28th, a time in a DST gap moves forward). The window is open at the start and
 * closed at the end: a purchase counts when {@code start < occurred_at <= end}, so a purchase exactly 12 months old
 * has already left it, one a second younger still counts.
 */
record RollingWindow(Instant start, Instant end) {

	static final int MONTHS = 12;

	static RollingWindow endingAt(Instant now, ZoneId zone) {
		return new RollingWindow(now.atZone(zone).minusMonths(MONTHS).toInstant(), now);
	}

	boolean contains(Instant at) {
		return at.isAfter(start) && !at.isAfter(end);
	}

	/**
	 * The start of yesterday's window: members with purchases after it may have had one leave the window since the
	 * previous nightly run.
	 */
	Instant previousStart(ZoneId zone) {
		return start.atZone(zone).minusDays(1).toInstant();
	}
}
