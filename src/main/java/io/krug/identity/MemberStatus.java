package io.krug.identity;

import java.util.Locale;

/** A member's status in the club (seed 003): the loyalty module decides it, identity turns it into a role. */
public enum MemberStatus {

	INSIDER, VIP, ELITE, INNER_CIRCLE;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MemberStatus fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
