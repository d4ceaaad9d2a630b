package io.krug.ledger;

import java.util.Locale;

/** What caused a ledger transaction. */
public enum SourceType {

	PURCHASE, REFUND, ADJUSTMENT, EXPIRY, RELEASE, TRANSFER, REFERRAL, REWARD, PROMOTION, EVENT,
	DEPOSIT, BUNDLE, ACCESS_TOKEN, IMPORT;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SourceType fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
