package io.krug.webhooks.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed message is tried again: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the
 * previous attempt (eight attempts over about 28 hours), each delay with ±10% jitter so a recovering receiver is not
 * hit by every retry at once.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

	static final int MAX_ATTEMPTS = DELAYS.size() + 1;

	/** The longest {@code Retry-After} honoured. */
	static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

	private final DoubleSupplier random;

	/** @param random uniform in [0, 1), e.g. {@code () -> ThreadLocalRandom.current().nextDouble()} */
	RetrySchedule(DoubleSupplier random) {
		this.random = random;
	}

	/** The wait before the next attempt after {@code attemptsMade} failed ones, or empty to give up. */
	Optional<Duration> after(int attemptsMade) {
		if (attemptsMade < 1 || attemptsMade >= MAX_ATTEMPTS) {
			return Optional.empty();
		}
		Duration base = DELAYS.get(attemptsMade - 1);
		double factor = 0.9 + 0.2 * random.getAsDouble();
		return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
	}
}
