package io.krug.referrals.internal;

import io.krug.identity.MemberSummary;
import java.util.Optional;

/** How referrals show other members: the first name and the last name's initial ("Анна К."). */
final class ShortNames {

	static final String UNKNOWN = "Участник";

	private ShortNames() {
	}

	static String of(Optional<MemberSummary> member) {
		return member.map(m -> of(m.firstName(), m.lastName())).orElse(UNKNOWN);
	}

	static String of(@org.jspecify.annotations.Nullable String first, @org.jspecify.annotations.Nullable String last) {
		if (first == null || first.isBlank()) {
			return UNKNOWN;
		}
		return last == null || last.isBlank() ? first.trim()
				: first.trim() + " " + last.trim().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ".";
	}
}
