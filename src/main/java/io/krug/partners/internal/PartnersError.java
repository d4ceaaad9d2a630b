package io.krug.partners.internal;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The partners module's errors; {@link #code()} is public API. */
public enum PartnersError implements ErrorCode {

	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	CATEGORY_NOT_FOUND(HttpStatus.NOT_FOUND, "Category not found"),
	PROMOTION_NOT_FOUND(HttpStatus.NOT_FOUND, "Promotion not found"),
	UNKNOWN_CATEGORY(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown category"),
	INVALID_PROMOTION_PERIOD(HttpStatus.UNPROCESSABLE_CONTENT, "Promotion must end after it starts"),
	CATEGORY_EXISTS(HttpStatus.CONFLICT, "Category already exists"),
	CATEGORY_IN_USE(HttpStatus.CONFLICT, "Category is in use"),
	BUSINESS_READ_ONLY(HttpStatus.FORBIDDEN, "You may only view this business"),
	FIELD_RESTRICTED(HttpStatus.FORBIDDEN, "Only a platform admin may change this field"),
	NO_BUSINESS_ACCESS(HttpStatus.FORBIDDEN, "Only platform admins and business staff manage businesses");

	private final HttpStatus status;

	private final String title;

	PartnersError(HttpStatus status, String title) {
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
