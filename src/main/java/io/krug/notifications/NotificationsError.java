package io.krug.notifications;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The notifications module's errors. */
public enum NotificationsError implements ErrorCode {

	NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Notification not found"),
	NOT_A_DEAD_LETTER(HttpStatus.CONFLICT, "The message is not in the dead-letter state"),
	TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "Template not found"),
	TEMPLATE_EXISTS(HttpStatus.CONFLICT, "A template for this type, channel and locale exists"),
	TEMPLATE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Template invalid"),
	ESSENTIAL_CATEGORY(HttpStatus.UNPROCESSABLE_CONTENT, "Essential notifications cannot be turned off"),
	INVALID_PREFERENCES(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid notification preferences"),
	UNSUBSCRIBE_TOKEN_INVALID(HttpStatus.NOT_FOUND, "Unsubscribe link invalid, expired or used"),
	TRACKING_SIGNATURE_INVALID(HttpStatus.NOT_FOUND, "Tracking link invalid"),
	WEBHOOK_SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "Webhook signature invalid");

	private final HttpStatus status;

	private final String title;

	NotificationsError(HttpStatus status, String title) {
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
