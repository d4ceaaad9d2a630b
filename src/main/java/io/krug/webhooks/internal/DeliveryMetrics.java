package io.krug.webhooks.internal;

import io.krug.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook metrics: {@code krug_webhook_deliveries_total{outcome}} (succeeded, failed, gone, blocked, deferred),
 * {@code krug_webhook_delivery_duration_seconds} (requests that got an answer or failed on the wire),
 * {@code krug_webhook_queue_depth} (pending messages of every program) and
 * {@code krug_webhook_endpoints_disabled} (endpoints delivery turned off). The two gauges are counted at most every
 * {@link #GAUGE_MAX_AGE}.
 */
@Component
class DeliveryMetrics {

	static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(10);

	private final Map<Outcome.Kind, Counter> deliveries = new EnumMap<>(Outcome.Kind.class);

	private final Timer duration;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private volatile long refreshedAt = System.nanoTime() - GAUGE_MAX_AGE.toNanos() - 1;

	private volatile long pending;

	private volatile long disabled;

	DeliveryMetrics(MeterRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		for (Outcome.Kind kind : Outcome.Kind.values()) {
			deliveries.put(kind, Counter.builder("krug.webhook.deliveries")
				.description("Webhook delivery attempts by outcome")
				.tag("outcome", kind.key())
				.register(registry));
		}
		this.duration = Timer.builder("krug.webhook.delivery.duration")
			.description("Time from sending a webhook to its answer")
			.publishPercentileHistogram()
			.register(registry);
		Gauge.builder("krug.webhook.queue.depth", this, m -> m.stats()[0])
			.description("Webhook messages waiting for delivery, every program")
			.register(registry);
		Gauge.builder("krug.webhook.endpoints.disabled", this, m -> m.stats()[1])
			.description("Webhook endpoints delivery disabled (410 Gone or failing for days)")
			.register(registry);
	}

	void record(Outcome outcome) {
		deliveries.get(outcome.kind()).increment();
		if (outcome.kind() != Outcome.Kind.DEFERRED && outcome.kind() != Outcome.Kind.BLOCKED) {
			duration.record(outcome.durationMs(), TimeUnit.MILLISECONDS);
		}
	}

	/** Counts the gauges now. */
	void refresh() {
		long[] counts = TenantContext.callAsSystem(() -> readOnly.execute(s -> new long[] {
				jdbc.sql("SELECT count(*) FROM webhooks.messages WHERE status = 'pending'").query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM webhooks.endpoints WHERE disabled_at IS NOT NULL")
					.query(Long.class)
					.single() }));
		pending = counts[0];
		disabled = counts[1];
		refreshedAt = System.nanoTime();
	}

	private double[] stats() {
		if (System.nanoTime() - refreshedAt > GAUGE_MAX_AGE.toNanos()) {
			refresh();
		}
		return new double[] { pending, disabled };
	}
}
