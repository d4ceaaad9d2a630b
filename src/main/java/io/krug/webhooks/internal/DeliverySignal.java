package io.krug.webhooks.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes an idle delivery loop of this replica when a transaction committed new messages. */
@Component
class DeliverySignal {

	private final Semaphore signal = new Semaphore(0);

	void nudge() {
		if (signal.availablePermits() == 0) {
			signal.release();
		}
	}

	/** Waits up to {@code max} for a nudge; true if one came. */
	boolean await(Duration max) throws InterruptedException {
		boolean nudged = signal.tryAcquire(max.toNanos(), TimeUnit.NANOSECONDS);
		signal.drainPermits();
		return nudged;
	}
}
