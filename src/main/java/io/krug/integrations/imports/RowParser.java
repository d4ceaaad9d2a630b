package io.krug.integrations.imports;

import io.krug.identity.IdentityApi;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one row's values into an {@link ImportRow}, or says why it cannot. Dates: {@code 2025-11-15},
 * {@code 15.11.2025} (the start of that day in the program's time zone), the same with a time ({@code 14:30} or
 * {@code 14:30:00}, in the program's time zone), or an ISO 8601 instant with an offset. Amounts: digits with
 * {@code .} or {@code ,} as the decimal separator, spaces and a currency sign ignored, positive, at most 2 decimals.
 */
final class RowParser {

	private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"), DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]"));

	private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final IdentityApi identity;

	private final ZoneId zone;

	/** Phones as read, normalized: a file names the same customers over and over, and libphonenumber is costly. */
	private final Map<String, String> phones = new java.util.LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > PHONE_CACHE;
		}
	};

	static final int PHONE_CACHE = 10_000;

	RowParser(IdentityApi identity, ZoneId zone) {
		this.identity = identity;
		this.zone = zone;
	}

	/** A row's outcome: the row, or the reason it is rejected. */
	sealed interface Parsed {
	}

	record Ok(ImportRow row) implements Parsed {
	}

	record Rejected(long line, String reason, String raw) implements Parsed {
	}

	Parsed parse(long line, Map<String, String> values, String raw) {
		String date = value(values, Columns.DATE);
		String phone = value(values, Columns.PHONE);
		String amount = value(values, Columns.AMOUNT);
		if (date == null || phone == null || amount == null) {
			return new Rejected(line, "date, customer_phone and amount are required", raw);
		}
		Instant at = instant(date);
		if (at == null) {
			return new Rejected(line, "date: not a date (use 2025-11-15, 15.11.2025 or ISO 8601)", raw);
		}
		BigDecimal sum = amount(amount);
		if (sum == null) {
			return new Rejected(line, "amount: must be a positive number with at most 2 decimals", raw);
		}
		String e164;
		try {
			e164 = normalize(phone);
		}
		catch (KrugException ex) {
			return new Rejected(line, "customer_phone: not a phone number", raw);
		}
		String description = value(values, Columns.DESCRIPTION);
		String category = value(values, Columns.CATEGORY);
		String externalId = value(values, Columns.EXTERNAL_ID);
		String id = externalId != null ? "csv:" + externalId
				: "csv:row-" + Hashing.sha256(at + "|" + e164 + "|" + sum.toPlainString() + "|"
						+ (description == null ? "" : description) + "|" + (category == null ? "" : category))
					.substring(0, 32);
		if (id.length() > 200) {
			return new Rejected(line, "external_id: at most 195 characters", raw);
		}
		return new Ok(new ImportRow(line, at, e164, sum, description, id, category, raw));
	}

	private String normalize(String phone) {
		String e164 = phones.get(phone);
		if (e164 == null) {
			e164 = identity.normalizePhone(phone);
			phones.put(phone, e164);
		}
		return e164;
	}

	private static @Nullable String value(Map<String, String> values, String column) {
		String value = values.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private @Nullable Instant instant(String text) {
		try {
			if (text.length() == 10) {
				LocalDate day = text.charAt(2) == '.' ? LocalDate.parse(text, RU_DATE) : LocalDate.parse(text);
				return day.atStartOfDay(zone).toInstant();
			}
			for (DateTimeFormatter format : LOCAL_TIMES) {
				try {
					return LocalDateTime.parse(text, format).atZone(zone).toInstant();
				}
				catch (DateTimeParseException ex) {
					// try the next format
				}
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable BigDecimal amount(String text) {
		String digits = text.replaceAll("[\\s\u00A0\u202F₽$€]|руб\\.?|RUB", "");
		if (digits.contains(",")) {
			digits = digits.contains(".") ? digits.replace(",", "") : digits.replace(',', '.');
		}
		if (!digits.matches("\\d{1,13}(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal amount = new BigDecimal(digits).setScale(2);
		return amount.signum() > 0 ? amount : null;
	}
}
