package io.krug.loyalty.account;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of what members and partners read about their bonuses and settlements; {@link #code()} is public API. */
public enum AccountError implements ErrorCode {

	/** No such business in the program, or not one the caller may see (the two are not told apart). */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found");

	private final HttpStatus status;

	private final String title;

	AccountError(HttpStatus status, String title) {
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
