package io.krug.rewards.tokens;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The bundles' and access tokens' errors; {@link #code()} is public API. */
enum TokenError implements ErrorCode {

	/** No such bundle in the program, or (for a purchase) one no longer sold. */
	BUNDLE_NOT_FOUND(HttpStatus.NOT_FOUND, "Bundle not found"),
	BUNDLE_PURCHASED(HttpStatus.CONFLICT, "Bundle was bought already; deactivate it instead"),
	/** No such token, or another member's. */
	TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND, "Access token not found"),
	DURATION_NOT_SOLD(HttpStatus.UNPROCESSABLE_CONTENT, "No single token of that duration is sold");

	private final HttpStatus status;

	private final String title;

	TokenError(HttpStatus status, String title) {
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
