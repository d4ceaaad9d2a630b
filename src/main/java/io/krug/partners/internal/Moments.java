package io.krug.partners.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Moments at PostgreSQL's precision (microseconds), so what a service returns equals what it stored. */
final class Moments {

	private Moments() {
	}

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static @Nullable Instant stored(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}
}
