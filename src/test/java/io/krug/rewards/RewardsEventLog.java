package io.krug.rewards;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the rewards events that committed, for tests to assert on (each test filters by its own ids). */
@Component
public class RewardsEventLog {

	private final Queue<Record> events = new ConcurrentLinkedQueue<>();

	@TransactionalEventListener(fallbackExecution = true)
	void on(BundlePurchased event) {
		events.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccessTokenIssued event) {
		events.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccessTokenExpiring event) {
		events.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CurrencyBalanceLow event) {
		events.add(event);
	}

	public <T extends Record> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
