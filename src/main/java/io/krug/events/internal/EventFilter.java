package io.krug.events.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which events to list.
 *
 * @param status {@code upcoming} (not over, not cancelled), {@code past}, {@code cancelled} or {@code all}
 * @param from only events starting on or after this day (program time zone)
 * @param to only events starting on or before this day
 * @param registered only events the calling member is registered for (confirmed or waitlisted)
 */
public record EventFilter(String status, @Nullable String format, @Nullable UUID businessId, @Nullable LocalDate from,
		@Nullable LocalDate to, boolean registered, int limit, int offset) {
}
