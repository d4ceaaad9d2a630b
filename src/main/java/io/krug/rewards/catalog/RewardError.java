package io.krug.rewards.catalog;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The reward catalog's errors; {@link #code()} is public API. Short bonuses are the ledger's insufficient_balance. */
enum RewardError implements ErrorCode {

	/** No such item in the program, or (for a redemption) one no longer offered. */
	REWARD_NOT_FOUND(HttpStatus.NOT_FOUND, "Reward not found"),
	OUT_OF_STOCK(HttpStatus.CONFLICT, "Reward is out of stock"),
	REWARD_REDEEMED(HttpStatus.CONFLICT, "Reward was redeemed already; deactivate it instead"),
	UNKNOWN_BUSINESS(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown business");

	private final HttpStatus status;

	private final String title;

	RewardError(HttpStatus status, String title) {
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
