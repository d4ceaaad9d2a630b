package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;

/** Whether a lot's points are still within the return window or can be spent. */
enum LotState {

	PENDING(AccountKind.MEMBER_PENDING), AVAILABLE(AccountKind.MEMBER_AVAILABLE);

	private final AccountKind account;

	LotState(AccountKind account) {
		this.account = account;
	}

	/** The member account holding a lot's remaining points in this state. */
	AccountKind account() {
		return account;
	}
}
