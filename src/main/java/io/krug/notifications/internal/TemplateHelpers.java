package io.krug.notifications.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * The helpers templates may call: {@code format_date(value, locale, zone)}, {@code format_time(instant, zone)},
 * {@code format_currency(amount,
 * currency, locale)} and {@code pluralize(n, one, few, many)} with Russian plural rules (English needs only one
 * and many: pass the plural twice).
 */
public final class TemplateHelpers {

	private TemplateHelpers() {
	}

	/** Formats an ISO-8601 instant or date ({@code 2026-11-23T09:00:00Z}, {@code 2026-11-23}) as a long date. */
	public static String formatDate(Object value, String locale, String zone) {
		String text = String.valueOf(value);
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(locale));
		if (text.length() == 10) {
			return spaces(java.time.LocalDate.parse(text).format(format));
		}
		return spaces(ZonedDateTime.ofInstant(Instant.parse(text), ZoneId.of(zone)).format(format));
	}

	/** Formats an ISO-8601 instant as the time of day in the zone, e.g. {@code 19:00}. */
	public static String formatTime(Object value, String zone) {
		return ZonedDateTime.ofInstant(Instant.parse(String.valueOf(value)), ZoneId.of(zone))
			.format(DateTimeFormatter.ofPattern("HH:mm"));
	}

	/** Formats an amount in a currency, e.g. {@code 1 500,00 ₽} in Russian. */
	public static String formatCurrency(Object amount, String currency, String locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale(locale));
		format.setCurrency(Currency.getInstance(currency));
		return spaces(format.format(new BigDecimal(String.valueOf(amount))));
	}

	/** Plain spaces for the no-break spaces the JDK's Russian formats use, so texts survive any mail client. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	/** Russian plural forms: 1 бонус, 2 бонуса, 5 бонусов, 11 бонусов, 21 бонус; fractions take the "few" form. */
	public static String pluralize(Object count, String one, String few, String many) {
		BigDecimal n = new BigDecimal(String.valueOf(count)).abs();
		if (n.stripTrailingZeros().scale() > 0) {
			return few;
		}
		long whole = n.longValue();
		long mod10 = whole % 10;
		long mod100 = whole % 100;
		if (mod10 == 1 && mod100 != 11) {
			return one;
		}
		if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
			return few;
		}
		return many;
	}

	private static Locale locale(String tag) {
		return Locale.forLanguageTag(tag);
	}
}
