package io.krug.rewards.currency;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The currency's errors; {@link #code()} is public API. Short balances are the ledger's insufficient_currency. */
enum CurrencyError implements ErrorCode {

	MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found");

	private final HttpStatus status;

	private final String title;

	CurrencyError(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
