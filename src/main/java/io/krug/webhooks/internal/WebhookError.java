package io.krug.webhooks.internal;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The webhook module's errors. */
public enum WebhookError implements ErrorCode {

	WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook endpoint not found"),
	MESSAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook message not found"),
	INVALID_URL(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid endpoint URL"),
	TARGET_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT, "Endpoint address not allowed"),
	UNKNOWN_EVENT_TYPE(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown event type"),
	INVALID_HEADER(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid custom header"),
	INVALID_RANGE(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid time range"),
	REPLAY_TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT, "Too many events to replay at once"),
	ENDPOINT_LIMIT_REACHED(HttpStatus.UNPROCESSABLE_CONTENT, "Endpoint limit reached"),
	MEMBER_ENDPOINTS_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Members may not own webhook endpoints in this program");

	private final HttpStatus status;

	private final String title;

	WebhookError(HttpStatus status, String title) {
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
