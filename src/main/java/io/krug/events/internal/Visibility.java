package io.krug.events.internal;

import io.krug.identity.MemberStatus;

/** Who sees (and votes on) a proposal: everyone, VIP and above, or elite and above. */
public enum Visibility {

	ALL(MemberStatus.INSIDER), VIP(MemberStatus.VIP), ELITE(MemberStatus.ELITE);

	private final MemberStatus minimum;

	Visibility(MemberStatus minimum) {
		this.minimum = minimum;
	}

	public String key() {
		return Keys.of(this);
	}

	boolean admits(MemberStatus status) {
		return Keys.atLeast(status, minimum);
	}
}
