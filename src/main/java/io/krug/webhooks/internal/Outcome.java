package io.krug.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one delivery attempt of a claimed message came to.
 *
 * @param retryAfter the wait a 429/503 response asked for, or a rate-limit deferral's
 */
record Outcome(Claimed message, Kind kind, Instant attemptedAt, @Nullable Integer responseCode, long durationMs,
		@Nullable String responseBody, @Nullable String error, @Nullable Duration retryAfter) {

	enum Kind {

		/** A 2xx answer. */
		SUCCEEDED,
		/** Any other answer, or no answer (connection refused, timeout, TLS failure, redirect). */
		FAILED,
		/** 410 Gone: the endpoint is disabled. */
		GONE,
		/** The target resolved to an address the guard refuses; nothing was sent. */
		BLOCKED,
		/** The endpoint's rate limit had no room; nothing was sent and no attempt counts. */
		DEFERRED;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static Outcome deferred(Claimed message, Instant now, Duration wait) {
		return new Outcome(message, Kind.DEFERRED, now, null, 0, null, null, wait);
	}

	static Outcome notSent(Claimed message, Kind kind, Instant now, String error) {
		return new Outcome(message, kind, now, null, 0, null, error, null);
	}

	boolean attempted() {
		return kind != Kind.DEFERRED;
	}

	/** The attempt row's status. */
	String attemptStatus() {
		return switch (kind) {
			case SUCCEEDED -> "succeeded";
			case BLOCKED -> "blocked";
			default -> "failed";
		};
	}
}
