package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MetricsTests extends WebhookTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	DeliveryMetrics metrics;

	@Test
	void countsDeliveriesByOutcomeAndTimesThem() {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*");
		receiver.then(Receiver.Answer.of(500));
		double succeeded = deliveries("succeeded");
		double failed = deliveries("failed");
		long timed = meters.get("krug.webhook.delivery.duration").timer().count();
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();
		publish(program, badge(program, UUID.randomUUID(), "explorer"));
		worker.deliverDue();

		assertThat(deliveries("succeeded") - succeeded).isEqualTo(1);
		assertThat(deliveries("failed") - failed).isGreaterThanOrEqualTo(1);
		assertThat(meters.get("krug.webhook.delivery.duration").timer().count() - timed).isGreaterThanOrEqualTo(2);
	}

	@Test
	void gaugesTheQueueAndDisabledEndpoints() {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*");
		metrics.refresh();
		double queued = gauge("krug.webhook.queue.depth");
		double disabled = gauge("krug.webhook.endpoints.disabled");
		for (int i = 0; i < 3; i++) {
			publish(program, badge(program, UUID.randomUUID(), "b" + i));
		}
		metrics.refresh();
		assertThat(gauge("krug.webhook.queue.depth") - queued).isEqualTo(3);

		receiver.always(Receiver.Answer.of(410));
		worker.deliverDue();
		metrics.refresh();
		assertThat(gauge("krug.webhook.queue.depth")).isLessThanOrEqualTo(queued);
		assertThat(gauge("krug.webhook.endpoints.disabled") - disabled).isGreaterThanOrEqualTo(1);
	}

	@Test
	void prometheusShowsTheWebhookMetrics() {
		String scrape = http.get("/actuator/prometheus").send().body();
		assertThat(scrape).contains("krug_webhook_deliveries_total{", "outcome=\"succeeded\"",
				"krug_webhook_delivery_duration_seconds", "krug_webhook_queue_depth",
				"krug_webhook_endpoints_disabled");
	}

	private double deliveries(String outcome) {
		return meters.get("krug.webhook.deliveries").tag("outcome", outcome).counter().count();
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}
}
