package io.krug.platform.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** Bucket4j's time source backed by the application {@link Clock}, so buckets refill as that clock moves. */
final class ClockTimeMeter implements TimeMeter {

	private final Clock clock;

	ClockTimeMeter(Clock clock) {
		this.clock = clock;
	}

	@Override
	public long currentTimeNanos() {
		Instant now = clock.instant();
		return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}
}
