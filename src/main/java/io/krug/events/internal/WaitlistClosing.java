package io.krug.events.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the waitlists of the current program's events that have started: those still waiting are cancelled and
 * refunded in full, one event per transaction.
 */
@Component
public class WaitlistClosing {

	static final String ACTOR = "system:events-waitlist-closing";

	private final EventRepository events;

	private final Registrations registrations;

	private final TransactionTemplate tx;

	private final Clock clock;

	WaitlistClosing(EventRepository events, Registrations registrations, TransactionTemplate tx, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.tx = tx;
		this.clock = clock;
	}

	/** Returns how many registrations it cancelled. */
	public int closeStarted() {
		int closed = 0;
		for (UUID event : tx.execute(s -> events.startedWithWaitlist(clock.instant()))) {
			closed += registrations.closeWaitlist(event, ACTOR);
		}
		return closed;
	}
}
