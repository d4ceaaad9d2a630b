package io.krug.webhooks.internal;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.webhooks.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook outbox. Every catalogued event is logged, and a message written for each active endpoint subscribed to
 * it, in the transaction that published the event: the events a transaction publishes are collected as they come
 * and written just before it commits (one statement for the log and the subscribers, one more for the messages if
 * any endpoint wants them). So a committed change always has its messages, and a rolled-back one has none. An event
 * published outside a transaction is written in one of its own. After the commit, this replica's delivery loop is
 * woken to send them at once.
 */
@Component
class WebhookOutbox implements GenericApplicationListener {

	private static final int CHUNK = 1_000;

	private final WebhookCatalog catalog;

	private final MessageStore store;

	private final DeliverySignal signal;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WebhookOutbox(WebhookCatalog catalog, MessageStore store, DeliverySignal signal, PlatformTransactionManager transactions,
			Clock clock) {
		this.catalog = catalog;
		this.store = store;
		this.signal = signal;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A published event, rendered as its payload at once. */
	private record Published(ProgramId program, MessageStore.NewEvent event) {
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		if (!PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
			return false;
		}
		Class<?> payload = eventType.as(PayloadApplicationEvent.class).getGeneric().resolve();
		return payload == null || payload == Object.class || catalog.catalogued(payload);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> payload) {
			catalog.forEvent(payload.getPayload().getClass()).ifPresent(type -> accept(type, payload.getPayload()));
		}
	}

	/** Logs and queues catalogued events that arrived inside another event (an import's purchases), each as if published. */
	void acceptAll(List<?> events) {
		events.forEach(event -> catalog.forEvent(event.getClass()).ifPresent(type -> accept(type, event)));
	}

	private void accept(WebhookEventType<?> type, Object event) {
		Instant now = clock.instant();
		Published published = new Published(type.programOf(event), new MessageStore.NewEvent(Ids.newId(),
				type.name(), type.memberOf(event), Payloads.render(type, event, now), now));
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			boolean queued = TenantContext.call(published.program(),
					() -> Boolean.TRUE.equals(transactions.execute(s -> write(List.of(published)))));
			if (queued) {
				signal.nudge();
			}
			return;
		}
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.bindResource(this, batch);
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		batch.add(published);
	}

	/** Logs the events and queues their messages; true if any message was queued. */
	private boolean write(List<Published> events) {
		Map<ProgramId, List<MessageStore.NewEvent>> byProgram = new LinkedHashMap<>();
		events.forEach(p -> byProgram.computeIfAbsent(p.program(), k -> new ArrayList<>()).add(p.event()));
		boolean queued = false;
		for (Map.Entry<ProgramId, List<MessageStore.NewEvent>> entry : byProgram.entrySet()) {
			List<MessageStore.NewEvent> all = entry.getValue();
			for (int from = 0; from < all.size(); from += CHUNK) {
				queued |= write(entry.getKey(), all.subList(from, Math.min(all.size(), from + CHUNK)));
			}
		}
		return queued;
	}

	private boolean write(ProgramId program, List<MessageStore.NewEvent> events) {
		if (!TenantContext.current().equals(Optional.of(program))) {
			return store.asProgram(program, () -> queue(program, events));
		}
		return queue(program, events);
	}

	private boolean queue(ProgramId program, List<MessageStore.NewEvent> events) {
		List<MessageStore.Subscriber> subscribers = store.log(program, events);
		List<MessageStore.NewMessage> messages = new ArrayList<>();
		for (MessageStore.NewEvent event : events) {
			for (MessageStore.Subscriber endpoint : subscribers) {
				boolean owned = endpoint.ownerMemberId() == null || endpoint.ownerMemberId().equals(event.memberId());
				if (owned && WebhookCatalog.matchesAny(endpoint.eventTypes(), event.type())) {
					messages.add(new MessageStore.NewMessage(Ids.newId(), endpoint.id(), event.id(), event.type(),
							endpoint.ordered() ? orderKey(event.memberId()) : null));
				}
			}
		}
		store.insert(program, messages, events.getLast().at());
		return !messages.isEmpty();
	}

	static UUID orderKey(@Nullable UUID member) {
		return member == null ? MessageStore.NO_MEMBER : member;
	}

	/** The events one transaction published, written just before it commits. */
	private final class Batch implements TransactionSynchronization {

		private final List<Published> events = new ArrayList<>();

		private boolean written;

		private boolean queued;

		void add(Published published) {
			if (written) {
				// published by another synchronization's beforeCommit, after this batch was written
				queued |= write(List.of(published));
			}
			else {
				events.add(published);
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			queued = write(events);
		}

		@Override
		public void afterCommit() {
			if (queued) {
				signal.nudge();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(WebhookOutbox.this);
		}

	}
}
