package io.krug.webhooks.internal;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages. One loop claims batches (a short transaction, {@code FOR UPDATE SKIP LOCKED}, so loops on
 * several replicas share the queue), sends each on a virtual thread with at most {@code max-in-flight} requests
 * outstanding, and records the outcomes in batches, one transaction per program. The claim is a lease: if the
 * process dies, or recording fails, after a request was sent, the message is claimed again once the lease runs out
 * and sent again with the same {@code webhook-id}, so receivers can drop the duplicate. Nothing is lost.
 */
public class DeliveryWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	private final MessageStore store;

	private final OutcomeWriter writer;

	private final Sender sender;

	private final DeliverySignal signal;

	private final DeliveryMetrics metrics;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WebhookProperties.Delivery settings;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	DeliveryWorker(MessageStore store, OutcomeWriter writer, Sender sender, DeliverySignal signal,
			DeliveryMetrics metrics, PlatformTransactionManager transactions, Clock clock,
			WebhookProperties.Delivery settings) {
		this.store = store;
		this.writer = writer;
		this.sender = sender;
		this.signal = signal;
		this.metrics = metrics;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Delivers every message due now, waits for the answers and records them.
	 *
	 * @return the outcomes recorded
	 */
	public int deliverDue() {
		return run(() -> true, false);
	}

	/** Keeps delivering, waiting for new messages when idle, for {@code period} or until {@code stopping}. */
	int runFor(Duration period, BooleanSupplier stopping) {
		long deadline = System.nanoTime() + period.toNanos();
		return run(() -> System.nanoTime() < deadline && !stopping.getAsBoolean(), true);
	}

	private int run(BooleanSupplier claiming, boolean waitWhenIdle) {
		Round round = new Round();
		int recorded = 0;
		while (true) {
			recorded += record(round.drain());
			int free = settings.maxInFlight() - round.pending;
			boolean roomy = free >= Math.min(settings.batchSize(), settings.maxInFlight() / 2) || round.pending == 0;
			List<Claimed> claimed = roomy && claiming.getAsBoolean() ? claim(Math.min(free, settings.batchSize()))
					: List.of();
			claimed.forEach(round::dispatch);
			if (!claimed.isEmpty()) {
				continue;
			}
			if (round.pending > 0) {
				recorded += record(round.take(settings.batchSize()));
			}
			else if (!waitWhenIdle || !claiming.getAsBoolean() || !idle()) {
				return recorded;
			}
		}
	}

	/** Claims due messages in system scope: the queue spans every program. */
	List<Claimed> claim(int limit) {
		Instant now = clock.instant();
		List<Claimed> claimed = TenantContext.callAsSystem(() -> transactions
			.execute(s -> store.claim(limit, now, Ids.newId(), now.plus(settings.lease()))));
		return claimed == null ? List.of() : claimed;
	}

	/** Sends one claimed message; never throws. */
	Outcome send(Claimed message) {
		Outcome outcome;
		try {
			outcome = sender.send(message);
		}
		catch (RuntimeException ex) {
			log.error("Could not send webhook message {}", message.messageId(), ex);
			outcome = Outcome.notSent(message, Outcome.Kind.FAILED, clock.instant(),
					"could not send: " + ex.getClass().getSimpleName());
		}
		metrics.record(outcome);
		return outcome;
	}

	/** Records outcomes, one transaction per program; a failed program's messages are retried after their lease. */
	int record(List<Outcome> outcomes) {
		Map<ProgramId, List<Outcome>> byProgram = new LinkedHashMap<>();
		outcomes.forEach(o -> byProgram.computeIfAbsent(o.message().programId(), p -> new ArrayList<>()).add(o));
		int recorded = 0;
		for (Map.Entry<ProgramId, List<Outcome>> entry : byProgram.entrySet()) {
			try {
				TenantContext.run(entry.getKey(),
						() -> transactions.executeWithoutResult(s -> writer.write(entry.getKey(), entry.getValue())));
				recorded += entry.getValue().size();
			}
			catch (RuntimeException ex) {
				log.error("Could not record {} webhook outcomes of program {}; they are retried when their lease ends",
						entry.getValue().size(), entry.getKey(), ex);
			}
		}
		return recorded;
	}

	private boolean idle() {
		try {
			signal.await(IDLE_WAIT);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	/** The messages one run has sent and not yet recorded. Used by the run's thread only, apart from the queue. */
	private final class Round {

		private final LinkedBlockingQueue<Outcome> done = new LinkedBlockingQueue<>();

		private int pending;

		void dispatch(Claimed message) {
			pending++;
			executor.execute(() -> done.add(send(message)));
		}

		List<Outcome> drain() {
			List<Outcome> outcomes = new ArrayList<>();
			done.drainTo(outcomes);
			pending -= outcomes.size();
			return outcomes;
		}

		/** Waits for an answer, then briefly for more, so outcomes are recorded in batches. */
		List<Outcome> take(int target) {
			List<Outcome> outcomes = new ArrayList<>();
			try {
				Outcome first = done.poll(1, TimeUnit.SECONDS);
				if (first != null) {
					outcomes.add(first);
					long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
					while (outcomes.size() < Math.min(target, pending)) {
						Outcome next = done.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
						if (next == null) {
							break;
						}
						outcomes.add(next);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			done.drainTo(outcomes);
			pending -= outcomes.size();
			return outcomes;
		}

	}
}
