package io.krug.loyalty.purchases;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The purchase pipeline's errors; {@link #code()} is public API. */
enum PurchaseError implements ErrorCode {

	/** No such business in the program, or one the caller may not record for. */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	BUSINESS_INACTIVE(HttpStatus.UNPROCESSABLE_CONTENT, "Business no longer takes purchases"),
	MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Member not found"),
	/** No such purchase in the program, or one of another business for business staff. */
	PURCHASE_NOT_FOUND(HttpStatus.NOT_FOUND, "Purchase not found"),
	UNKNOWN_CATEGORY(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown category"),
	SPEND_EXCEEDS_SHARE(HttpStatus.UNPROCESSABLE_CONTENT, "Bonuses may pay only part of a check"),
	REFUND_EXCEEDS_PURCHASE(HttpStatus.UNPROCESSABLE_CONTENT, "Refunds exceed the purchase");

	private final HttpStatus status;

	private final String title;

	PurchaseError(HttpStatus status, String title) {
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
