package io.krug.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An expected rejection, mapped once at the web edge to an {@code application/problem+json} response. */
public class KrugException extends RuntimeException {

	private final ErrorCode error;

	private final List<FieldError> fieldErrors;

	private final Map<String, Object> properties;

	private final @Nullable Duration retryAfter;

	private final Map<String, String> headers;

	public KrugException(ErrorCode error, String detail) {
		this(error, detail, List.of(), Map.of(), null);
	}

	public KrugException(ErrorCode error, String detail, List<FieldError> fieldErrors, Map<String, Object> properties,
			@Nullable Duration retryAfter) {
		this(error, detail, fieldErrors, properties, retryAfter, Map.of());
	}

	/**
	 * @param headers extra response headers of the problem response (e.g. {@code RateLimit-Remaining}); the
	 * {@code Retry-After} header comes from {@code retryAfter}
	 */
	public KrugException(ErrorCode error, String detail, List<FieldError> fieldErrors, Map<String, Object> properties,
			@Nullable Duration retryAfter, Map<String, String> headers) {
		super(detail);
		this.error = error;
		this.fieldErrors = List.copyOf(fieldErrors);
		this.properties = Map.copyOf(properties);
		this.retryAfter = retryAfter;
		this.headers = Map.copyOf(headers);
	}

	public static KrugException field(ErrorCode error, String field, String message) {
		return new KrugException(error, message, List.of(new FieldError(field, message)), Map.of(), null);
	}

	public ErrorCode error() {
		return error;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	/** Extra headers the problem response carries. */
	public Map<String, String> headers() {
		return headers;
	}

	public KrugException with(String property, Object value) {
		var merged = new java.util.LinkedHashMap<>(properties);
		merged.put(property, value);
		return new KrugException(error, getMessage(), fieldErrors, merged, retryAfter, headers);
	}

	/** A copy that also sends {@code name: value} on the problem response. */
	public KrugException withHeader(String name, String value) {
		var merged = new java.util.LinkedHashMap<>(headers);
		merged.put(name, value);
		return new KrugException(error, getMessage(), fieldErrors, properties, retryAfter, merged);
	}

	/** One invalid input field of a request. */
	public record FieldError(String field, String message) {
	}
}
