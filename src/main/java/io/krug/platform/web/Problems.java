package io.krug.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents every error response uses: RFC 9457 plus a stable {@code code}. */
public final class Problems {

	public static final String TYPE_BASE = "https://krug.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(ErrorCode error, String detail) {
		return of(error.status(), error.code(), error.title(), detail);
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<KrugException.FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/** The stable code for a bare HTTP status, used when the framework rejects a request before our code runs. */
	public static ErrorCode forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> PlatformError.MALFORMED_REQUEST;
			case 401 -> PlatformError.UNAUTHENTICATED;
			case 403 -> PlatformError.FORBIDDEN;
			case 404 -> PlatformError.NOT_FOUND;
			case 405 -> PlatformError.METHOD_NOT_ALLOWED;
			case 406 -> PlatformError.NOT_ACCEPTABLE;
			case 409 -> PlatformError.CONFLICT;
			case 413 -> PlatformError.PAYLOAD_TOO_LARGE;
			case 415 -> PlatformError.UNSUPPORTED_MEDIA_TYPE;
			case 422 -> PlatformError.VALIDATION_FAILED;
			case 429 -> PlatformError.RATE_LIMITED;
			default -> status.is4xxClientError() ? PlatformError.MALFORMED_REQUEST : PlatformError.INTERNAL;
		};
	}
}
