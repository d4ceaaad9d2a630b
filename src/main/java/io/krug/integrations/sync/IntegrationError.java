package io.krug.integrations.sync;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The integrations module's errors; {@link #code()} is public API. */
enum IntegrationError implements ErrorCode {

	/** No such business in the program, or one the caller may not configure. */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	INTEGRATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Integration not found"),
	UNKNOWN_SYSTEM(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown system"),
	INTEGRATION_EXISTS(HttpStatus.CONFLICT, "The business already has an integration with this system"),
	SYNC_IN_PROGRESS(HttpStatus.CONFLICT, "The integration is syncing right now"),
	WEBHOOK_REJECTED(HttpStatus.UNAUTHORIZED, "Webhook token missing or wrong"),
	WEBHOOKS_UNSUPPORTED(HttpStatus.NOT_FOUND, "The system does not push webhooks"),
	WEBHOOK_MALFORMED(HttpStatus.BAD_REQUEST, "Webhook payload not understood"),
	/** A webhook named records that could not be fetched now; the system retries, the scheduled sync catches up. */
	SOURCE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The partner system could not be read");

	private final HttpStatus status;

	private final String title;

	IntegrationError(HttpStatus status, String title) {
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
