package io.krug.ledger;

import java.math.BigDecimal;

/** A member's points: available to spend and pending (within the return window). */
public record MemberBalance(BigDecimal available, BigDecimal pending) {

	public static final MemberBalance ZERO = new MemberBalance(BigDecimal.ZERO.setScale(2),
			BigDecimal.ZERO.setScale(2));

	public BigDecimal total() {
		return available.add(pending);
	}
}
