package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;

/** A member's status before and after a recomputation; equal when nothing changed. */
public record StatusChange(MemberStatus before, MemberStatus after) {

	public boolean changed() {
		return before != after;
	}
}
