package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.loyalty.BadgeAwarded;
import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Webhook tests: the real service over HTTP, a receiver on 127.0.0.1, and delivery driven by the test. */
abstract class WebhookTest extends ApiTest {

	@Autowired
	protected DeliveryWorker worker;

	@Autowired
	protected ApplicationEventPublisher publisher;

	protected Receiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = Receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	/** Creates an endpoint through the API and returns the response (with its secret). */
	protected JsonNode createEndpoint(Program program, String token, String url, String... types) {
		return createEndpoint(program, token, body(url, types));
	}

	protected JsonNode createEndpoint(Program program, String token, Map<String, Object> body) {
		Http.Response created = http.post("/api/v1/webhooks").bearer(token).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	protected static Map<String, Object> body(String url, String... types) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("url", url);
		body.put("event_types", List.of(types));
		return body;
	}

	/** Publishes a domain event in a transaction of the program, as the owning module would. */
	protected void publish(Program program, Object event) {
		inProgram(program, () -> {
			publisher.publishEvent(event);
			return null;
		});
	}

	protected BadgeAwarded badge(Program program, UUID member, String badge) {
		return new BadgeAwarded(program.id(), member, badge, clock.instant());
	}

	protected String status(Program program, UUID messageId) {
		return inProgram(program, () -> jdbc.sql("SELECT status FROM webhooks.messages WHERE id = :id")
			.param("id", messageId)
			.query(String.class)
			.single());
	}

	protected Timestamp nextAttemptAt(Program program, UUID messageId) {
		return inProgram(program, () -> jdbc.sql("SELECT next_attempt_at FROM webhooks.messages WHERE id = :id")
			.param("id", messageId)
			.query(Timestamp.class)
			.single());
	}

	protected List<UUID> messageIds(Program program, String endpointId) {
		return inProgram(program, () -> jdbc.sql("SELECT id FROM webhooks.messages WHERE endpoint_id = :e ORDER BY seq")
			.param("e", UUID.fromString(endpointId))
			.query(UUID.class)
			.list());
	}

	protected JsonNode payload(Receiver.Request request) {
		return http.json().readTree(request.body());
	}
}
