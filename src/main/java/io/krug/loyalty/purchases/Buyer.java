package io.krug.loyalty.purchases;

import io.krug.identity.MemberStatus;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The buyer of a purchase as resolved: a member with their status, or a phone that is not (yet) a member.
 *
 * @param phone E.164, only for an unmatched buyer
 */
record Buyer(@Nullable UUID memberId, @Nullable String phone, @Nullable MemberStatus status) {

	static Buyer member(UUID memberId, MemberStatus status) {
		return new Buyer(memberId, null, status);
	}

	static Buyer unmatched(String phone) {
		return new Buyer(null, phone, null);
	}

	boolean matched() {
		return memberId != null;
	}
}
