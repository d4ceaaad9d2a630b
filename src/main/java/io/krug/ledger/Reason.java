package io.krug.ledger;

import org.jspecify.annotations.Nullable;

/** Why a ledger transaction was posted. Each reason belongs to the operation that may post it. */
public enum Reason {

	PURCHASE_EARN(Use.EARN, HistoryType.EARNED), REFERRAL_REWARD(Use.EARN, HistoryType.EARNED),
	PROMOTION_BONUS(Use.EARN, HistoryType.EARNED),
	PURCHASE_SPEND(Use.SPEND, HistoryType.SPENT), REWARD_REDEMPTION(Use.SPEND, HistoryType.SPENT),
	REFUND_REVERSAL(Use.LEDGER, HistoryType.REFUNDED), SPEND_RESTORE(Use.LEDGER, HistoryType.RESTORED),
	ADJUSTMENT(Use.LEDGER, HistoryType.ADJUSTED), EXPIRY(Use.LEDGER, HistoryType.EXPIRED),
	RELEASE(Use.LEDGER, null),
	BUDGET_CONTRIBUTION(Use.POST, null), COMMISSION(Use.POST, null), SETTLEMENT_PAYMENT(Use.POST, null),
	TRANSFER(Use.POST, null),
	CURRENCY_DEPOSIT(Use.CURRENCY, null), CURRENCY_SPEND(Use.CURRENCY, null);

	/** Which operation may post a reason: earn, spend, post, the currency operations, or only the ledger itself. */
	public enum Use {

		EARN, SPEND, POST, LEDGER, CURRENCY

	}

	private final Use use;

	private final @Nullable HistoryType historyType;

	Reason(Use use, @Nullable HistoryType historyType) {
		this.use = use;
		this.historyType = historyType;
	}

	public Use use() {
		return use;
	}

	/** How the member's history shows it; {@code null} for transactions that are not in a member's history. */
	public @Nullable HistoryType historyType() {
		return historyType;
	}
}
