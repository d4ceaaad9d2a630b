package io.krug.integrations.connector;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A connector call failed. The message is for the integration's {@code last_error}: it names what went wrong
 * (status code, field) and never contains a secret or a customer's personal data.
 */
public class ConnectorException extends RuntimeException {

	public enum Kind {
		/** The settings are incomplete or invalid; retrying will not help until an admin fixes them. */
		CONFIG,
		/** The system refused the credentials (HTTP 401/403). */
		AUTH,
		/** The system asked to slow down (HTTP 429); {@link #retryAfter()} when it said how long. */
		RATE_LIMITED,
		/** The system could not be reached or failed (5xx, timeout, connection refused). */
		UNAVAILABLE,
		/** The system answered something that is not what its API documents. */
		MALFORMED
	}

	private final Kind kind;

	private final @Nullable Duration retryAfter;

	public ConnectorException(Kind kind, String message) {
		this(kind, message, null, null);
	}

	public ConnectorException(Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public Kind kind() {
		return kind;
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}
}
