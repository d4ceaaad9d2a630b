package io.krug.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes iCalendar (RFC 5545) by hand: one VCALENDAR of VEVENTs with times in UTC, TEXT values escaped (backslash,
 * semicolon, comma, line breaks) and content lines folded at 75 octets without splitting a UTF-8 character.
 */
final class ICalendar {

	static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_OCTETS = 75;

	private ICalendar() {
	}

	/** One event of the calendar. */
	record Entry(UUID id, String summary, @Nullable String location, @Nullable String description, Instant start,
			Instant end, boolean cancelled) {
	}

	static String write(String name, List<Entry> entries, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Krug//Events//RU");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		for (Entry entry : entries) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + entry.id() + "@events.krug");
			line(out, "DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)));
			line(out, "DTSTART:" + UTC.format(entry.start().truncatedTo(ChronoUnit.SECONDS)));
			line(out, "DTEND:" + UTC.format(entry.end().truncatedTo(ChronoUnit.SECONDS)));
			line(out, "SUMMARY:" + text(entry.summary()));
			if (entry.location() != null) {
				line(out, "LOCATION:" + text(entry.location()));
			}
			if (entry.description() != null) {
				line(out, "DESCRIPTION:" + text(entry.description()));
			}
			line(out, "STATUS:" + (entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** A TEXT value escaped per RFC 5545 section 3.3.11. */
	static String text(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\r' -> {
					out.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				case '\n' -> out.append("\\n");
				default -> {
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** Appends a content line, folded: no physical line longer than 75 octets, continuations start with a space. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = MAX_OCTETS;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
				limit = MAX_OCTETS;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
