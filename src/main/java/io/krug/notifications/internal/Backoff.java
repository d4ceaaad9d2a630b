package io.krug.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed send again: 10 s, 30 s, 60 s after the first, second and third attempts (each ±20 % of
 * jitter so a burst of failures does not retry in lock-step), then never: the message becomes a dead letter.
 */
final class Backoff {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofSeconds(60));

	private Backoff() {
	}

	/** The delay after {@code attempts} failed attempts, or empty once they are used up. */
	static Optional<Duration> after(int attempts) {
		if (attempts < 1 || attempts > DELAYS.size()) {
			return Optional.empty();
		}
		long base = DELAYS.get(attempts - 1).toMillis();
		long jitter = ThreadLocalRandom.current().nextLong(-base / 5, base / 5 + 1);
		return Optional.of(Duration.ofMillis(base + jitter));
	}
}
