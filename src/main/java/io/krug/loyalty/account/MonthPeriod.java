package io.krug.loyalty.account;

import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A calendar month in a program's time zone as the half-open period [from, to) of instants: a posting at 23:30 on
 * the month's last day, local time, belongs to that month.
 */
record MonthPeriod(YearMonth month, ZoneId zone, Instant from, Instant to) {

	private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

	static MonthPeriod of(YearMonth month, ZoneId zone) {
		return new MonthPeriod(month, zone, month.atDay(1).atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
	}

	/**
	 * The month a request names as {@code YYYY-MM}, or the current month in {@code zone} when it names none.
	 *
	 * @throws KrugException 422 {@code validation_failed} on the {@code month} field for anything else
	 */
	static MonthPeriod parse(@Nullable String text, ZoneId zone, Clock clock) {
		if (text == null || text.isBlank()) {
			return of(YearMonth.from(clock.instant().atZone(zone)), zone);
		}
		String trimmed = text.strip();
		try {
			if (FORMAT.matcher(trimmed).matches()) {
				return of(YearMonth.parse(trimmed), zone);
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the validation error below
		}
		throw KrugException.field(PlatformError.VALIDATION_FAILED, "month", "must be a month as YYYY-MM");
	}

	/** {@code YYYY-MM}. */
	String key() {
		return month.toString();
	}
}
