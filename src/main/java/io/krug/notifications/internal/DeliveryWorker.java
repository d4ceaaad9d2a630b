package io.krug.notifications.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued messages. Each round first turns pending notifications into messages
 * ({@link PendingNotifications#expand}); then (1) messages whose lease ran out are recovered (see
 * {@link MessageStore#expireLeases}); (2) a batch of due messages is claimed in a short transaction that commits
 * them as {@code sending} under a lease; (3) each is sent outside any transaction; (4) the batch's outcomes are
 * written together, in one statement, each only if its message's claim still holds. A send the channel's rate limit ({@link ChannelRateLimits}) refuses goes back to the
 * queue uncounted, due when the bucket refills. A worker dying before (2) commits leaves the messages queued; dying after it leaves them
 * {@code sending} until the lease runs out. So no message is lost and none is sent twice by the worker.
 *
 * <p>
 * The scope of the caller's {@link TenantContext} decides what is visible: the system scope (the scheduled job)
 * delivers for every program, a program's scope only for that program.
 */
@Service
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final MessageStore store;

	private final BulkMessageStore bulk;

	private final TransactionTemplate tx;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final Duration lease;

	private final ChannelRateLimits rateLimits;

	private final int batchSize;

	private final PendingNotifications pending;

	DeliveryWorker(MessageStore store, BulkMessageStore bulk, PlatformTransactionManager transactions, List<ChannelSender> senders,
			@Value("${krug.notifications.worker.lease:PT2M}") Duration lease,
			@Value("${krug.notifications.worker.batch-size:100}") int batchSize, ChannelRateLimits rateLimits,
			PendingNotifications pending) {
		this.rateLimits = rateLimits;
		this.pending = pending;
		this.store = store;
		this.bulk = bulk;
		this.tx = new TransactionTemplate(transactions);
		senders.forEach(s -> this.senders.put(s.channel(), s));
		this.lease = lease;
		this.batchSize = batchSize;
	}

	/**
	 * Queues the pending notifications' messages, recovers expired leases, then delivers due messages until none is
	 * left; returns how many messages were handled.
	 */
	public int deliverDue(Instant now) {
		int expanded;
		do {
			expanded = pending.expand(batchSize);
		}
		while (expanded == batchSize);
		tx.executeWithoutResult(s -> store.expireLeases(now));
		int total = 0;
		List<Message> batch;
		do {
			batch = claim(now);
			deliver(batch, now);
			total += batch.size();
		}
		while (batch.size() == batchSize);
		return total;
	}

	/** Claims a batch in its own committed transaction. */
	public List<Message> claim(Instant now) {
		List<Message> claimed = tx.execute(s -> store.claim(batchSize, now, lease));
		return claimed == null ? List.of() : claimed;
	}

	/** Sends one claimed message and records what became of it. */
	public void deliver(Message message, Instant now) {
		deliver(List.of(message), now);
	}

	/**
	 * Sends claimed messages one after another, then records what became of each in one transaction; a message whose
	 * claim no longer holds (its lease expired and it was recovered) is left as it is.
	 */
	public void deliver(List<Message> claimed, Instant now) {
		if (claimed.isEmpty()) {
			return;
		}
		List<BulkMessageStore.Transition> outcomes = new ArrayList<>(claimed.size());
		for (Message message : claimed) {
			outcomes.add(attempt(message, now));
		}
		Set<UUID> held = record(outcomes, now);
		for (BulkMessageStore.Transition outcome : outcomes) {
			if (!held.contains(outcome.message().id())) {
				log.warn("Message {} lost its claim before its outcome ({} {}) was recorded", outcome.message().id(),
						outcome.event().key(), outcome.reason());
			}
		}
	}

	/**
	 * Records the outcomes in one statement; should that fail, each in its own transaction, so that one outcome that
	 * cannot be written leaves only its message to the lease's expiry. Returns the messages whose claim held.
	 */
	private Set<UUID> record(List<BulkMessageStore.Transition> outcomes, Instant now) {
		try {
			List<UUID> recorded = tx.execute(s -> bulk.record(outcomes, now));
			return recorded == null ? Set.of() : Set.copyOf(recorded);
		}
		catch (RuntimeException ex) {
			log.warn("The outcomes of {} messages could not be recorded together; recording them one by one",
					outcomes.size(), ex);
			Set<UUID> held = new HashSet<>();
			for (BulkMessageStore.Transition outcome : outcomes) {
				try {
					if (Boolean.TRUE.equals(tx.execute(s -> recordOne(outcome, now)))) {
						held.add(outcome.message().id());
					}
				}
				catch (RuntimeException one) {
					log.warn("The outcome of message {} could not be recorded", outcome.message().id(), one);
				}
			}
			return held;
		}
	}

	private boolean recordOne(BulkMessageStore.Transition t, Instant now) {
		if (t.throttled()) {
			return store.throttle(t.message(), Objects.requireNonNull(t.nextAttempt()), now);
		}
		if (t.status() == MessageStatus.QUEUED) {
			return store.retryLater(t.message(), Objects.requireNonNull(t.reason()),
					Objects.requireNonNull(t.nextAttempt()), now);
		}
		return store.complete(t.message(), t.status(), t.reason(), now);
	}

	/** Sends the message unless its channel's rate limit refuses it; returns what is to become of it. */
	private BulkMessageStore.Transition attempt(Message message, Instant now) {
		Optional<Duration> throttled = rateLimits.acquire(message.channel());
		if (throttled.isPresent()) {
			return BulkMessageStore.Transition.throttle(message, now.plus(throttled.get()));
		}
		SendOutcome outcome = TenantContext.call(new ProgramId(message.programId()), () -> send(message));
		return transition(message, outcome, now);
	}

	private SendOutcome send(Message message) {
		ChannelSender sender = senders.get(message.channel());
		if (sender == null) {
			return new SendOutcome.Suppressed("channel_not_available");
		}
		try {
			return sender.send(message);
		}
		catch (RuntimeException ex) {
			log.warn("Sending message {} over {} failed", message.id(), message.channel().key(), ex);
			return new SendOutcome.Transient(ex.getClass().getSimpleName());
		}
	}

	private static BulkMessageStore.Transition transition(Message m, SendOutcome outcome, Instant now) {
		return switch (outcome) {
			case SendOutcome.Done done -> BulkMessageStore.Transition.complete(m, done.status(), null);
			case SendOutcome.Suppressed s -> BulkMessageStore.Transition.complete(m, MessageStatus.SUPPRESSED,
					s.reason());
			case SendOutcome.Permanent p -> BulkMessageStore.Transition.complete(m, MessageStatus.FAILED, p.reason());
			case SendOutcome.Transient t -> {
				Optional<Duration> delay = Backoff.after(m.attempts());
				yield delay.isPresent() ? BulkMessageStore.Transition.retry(m, t.reason(), now.plus(delay.get()))
						: BulkMessageStore.Transition.complete(m, MessageStatus.FAILED,
								"retries_exhausted: " + t.reason());
			}
		};
	}
}
