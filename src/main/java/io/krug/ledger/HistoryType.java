package io.krug.ledger;

import java.util.Locale;

/** What a member's history item was, as the member sees it. */
public enum HistoryType {

	EARNED, SPENT, EXPIRED, ADJUSTED, REFUNDED, RESTORED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
