package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import java.util.Locale;

/** The lower-case keys the API and the tables use for this module's enums. */
final class Keys {

	private Keys() {
	}

	static String of(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String key) {
		return Enum.valueOf(type, key.toUpperCase(Locale.ROOT));
	}

	/** Whether a member of {@code status} is at least {@code required}: insider < vip < elite < inner circle. */
	static boolean atLeast(MemberStatus status, MemberStatus required) {
		return status.ordinal() >= required.ordinal();
	}
}
