package io.krug.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every failure to {@code application/problem+json} with a stable {@code code}. A client's mistake is always a
 * 4xx that says what was wrong; only our own bugs are 500s, and those never leak internals.
 */
@RestControllerAdvice
@Order(0)
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(KrugException.class)
	ResponseEntity<Object> handleKrug(KrugException ex) {
		ProblemDetail problem = Problems.withErrors(Problems.of(ex.error(), ex.getMessage()), ex.fieldErrors());
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::set);
		if (ex.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return problem(problem, headers);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<Object> handleDenied(RuntimeException ex) {
		return problem(Problems.of(PlatformError.FORBIDDEN, "You do not have the permission this action needs."),
				new HttpHeaders());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraint(ConstraintViolationException ex) {
		List<KrugException.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new KrugException.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return problem(Problems.withErrors(
				Problems.of(PlatformError.VALIDATION_FAILED, "The request has invalid fields."), errors),
				new HttpHeaders());
	}

	/** No database connection within the pool's timeout: the service is overloaded, so ask the client to retry. */
	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.jdbc.CannotGetJdbcConnectionException.class })
	ResponseEntity<Object> handleOverload(RuntimeException ex) {
		log.warn("No database connection available: {}", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return problem(Problems.of(PlatformError.SERVICE_UNAVAILABLE,
				"The service is busy; retry in a moment (same Idempotency-Key)."), headers);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		log.error("Unhandled error", ex);
		return problem(Problems.of(PlatformError.INTERNAL, "An unexpected error occurred; it has been logged."),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<KrugException.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new KrugException.FieldError(snake(e.getField()), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new KrugException.FieldError(e.getObjectName(), e.getDefaultMessage())));
		return problem(Problems.withErrors(
				Problems.of(PlatformError.VALIDATION_FAILED, "The request has invalid fields."), errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<KrugException.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(r -> r.getResolvableErrors()
				.forEach(e -> errors.add(new KrugException.FieldError(
						r.getMethodParameter().getParameterName() == null ? "parameter"
								: snake(r.getMethodParameter().getParameterName()),
						e.getDefaultMessage()))));
		return problem(Problems.withErrors(
				Problems.of(PlatformError.VALIDATION_FAILED, "The request has invalid parameters."), errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String detail = "The request body is not valid JSON.";
		List<KrugException.FieldError> errors = List.of();
		if (cause instanceof PayloadTooLargeException) {
			return problem(Problems.of(PlatformError.PAYLOAD_TOO_LARGE, cause.getMessage()), headers);
		}
		if (cause instanceof DatabindException dbe) {
			String field = dbe.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			String message;
			if (dbe instanceof InvalidFormatException ife && ife.getTargetType() != null
					&& ife.getTargetType().isEnum()) {
				message = "must be one of " + enumValues(ife.getTargetType());
			}
			else if (dbe instanceof MismatchedInputException mie && mie.getTargetType() != null) {
				message = "must be " + describe(mie.getTargetType());
			}
			else {
				message = "has an invalid value";
			}
			detail = "Field '" + field + "' " + message + ".";
			errors = List.of(new KrugException.FieldError(field, message));
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = "A request body is required.";
		}
		return problem(Problems.withErrors(Problems.of(PlatformError.MALFORMED_REQUEST, detail), errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return problem(Problems.of(PlatformError.MALFORMED_REQUEST,
					"Parameter '" + mismatch.getName() + "' has an invalid value."), headers);
		}
		ErrorCode error = Problems.forStatus(statusCode);
		String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : error.title();
		ProblemDetail problem = Problems.of(statusCode, error.code(), error.title(), detail);
		return problem(problem, headers);
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		HttpHeaders out = new HttpHeaders();
		out.addAll(headers);
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, HttpStatus.valueOf(problem.getStatus()));
	}

	private static String enumValues(Class<?> type) {
		return java.util.Arrays.stream(type.getEnumConstants())
			.map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
			.toList()
			.toString();
	}

	private static String describe(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date or time";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of " + enumValues(type);
		}
		return "an object";
	}

	private static String leaf(String path) {
		int dot = path.lastIndexOf('.');
		return snake(dot >= 0 ? path.substring(dot + 1) : path);
	}

	static String snake(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}
}
