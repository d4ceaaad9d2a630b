package io.krug.loyalty.card;

import io.krug.identity.MemberSummary;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the card and the cashier's screen name a member: first name and last initial, "Анна С."; just the first name
 * without a last name; nothing without a first name.
 */
final class DisplayNames {

	private DisplayNames() {
	}

	static @Nullable String of(MemberSummary member) {
		String first = trimmed(member.firstName());
		String last = trimmed(member.lastName());
		if (first == null) {
			return null;
		}
		return last == null ? first : first + " " + initial(last);
	}

	private static String initial(String name) {
		return Character.toString(name.codePointAt(0)).toUpperCase(Locale.ROOT) + ".";
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
