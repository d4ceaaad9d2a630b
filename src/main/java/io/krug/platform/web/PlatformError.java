package io.krug.platform.web;

import org.springframework.http.HttpStatus;

/** Errors of the web conventions themselves, shared by every endpoint. */
public enum PlatformError implements ErrorCode {

	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
	VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed"),
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
	CONFLICT(HttpStatus.CONFLICT, "Conflict"),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	PROGRAM_NOT_FOUND(HttpStatus.NOT_FOUND, "Program not found"),
	PROGRAM_MISMATCH(HttpStatus.FORBIDDEN, "Credentials belong to another program"),
	IDEMPOTENCY_KEY_REQUIRED(HttpStatus.BAD_REQUEST, "Idempotency-Key header required"),
	IDEMPOTENCY_KEY_INVALID(HttpStatus.BAD_REQUEST, "Idempotency-Key header invalid"),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "A request with this Idempotency-Key is in progress"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused with a different request"),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service overloaded"),
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private final HttpStatus status;

	private final String title;

	PlatformError(HttpStatus status, String title) {
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
