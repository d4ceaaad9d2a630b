package io.krug.rewards.crosspromo;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The cross-promotions' errors; {@link #code()} is public API. */
enum CrossPromotionError implements ErrorCode {

	/** No such cross-promotion in the program, or one the caller's business takes no part in. */
	CROSS_PROMOTION_NOT_FOUND(HttpStatus.NOT_FOUND, "Cross-promotion not found"),
	/** No such business in the program, or (for business staff) another business than the caller's. */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	/** The pair of businesses has a proposed or accepted cross-promotion already. */
	CROSS_PROMOTION_EXISTS(HttpStatus.CONFLICT, "A cross-promotion between these businesses exists"),
	CROSS_PROMOTION_DECIDED(HttpStatus.CONFLICT, "The cross-promotion was accepted or declined already");

	private final HttpStatus status;

	private final String title;

	CrossPromotionError(HttpStatus status, String title) {
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
