package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.webhooks.WebhookEndpointDisabled;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(PublishedEventsExtension.class)
class RetryTests extends WebhookTest {

	@Test
	void retriesOnTheBackoffScheduleWithTheSameWebhookId() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.then(new Receiver.Answer(500, Map.of(), "database down", null), Receiver.Answer.of(500),
				Receiver.Answer.of(500));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();

		Instant first = clock.instant();
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(1);
		assertNextAttemptWithin(program, message, first, Duration.ofSeconds(5));

		clock.tick(Duration.ofSeconds(4));
		worker.deliverDue();
		assertThat(receiver.requests()).as("not before 4.5 s").hasSize(1);

		clock.tick(Duration.ofSeconds(2));
		Instant second = clock.instant();
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(2);
		assertNextAttemptWithin(program, message, second, Duration.ofMinutes(5));

		clock.tick(Duration.ofMinutes(6));
		Instant third = clock.instant();
		worker.deliverDue();
		assertNextAttemptWithin(program, message, third, Duration.ofMinutes(30));

		clock.tick(Duration.ofMinutes(34));
		worker.deliverDue();
		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).hasSize(4);
		assertThat(requests).extracting(Receiver.Request::webhookId).containsOnly(message.toString());
		assertThat(requests).extracting(r -> r.header("webhook-timestamp"))
			.containsExactly(epoch(first), epoch(second), epoch(third), epoch(clock.instant()));
		assertThat(status(program, message)).isEqualTo("succeeded");

		JsonNode attempts = attempts(program, endpoint);
		assertThat(attempts.path("total").asLong()).isEqualTo(4);
		assertThat(attempts.path("attempts").findValuesAsString("status"))
			.containsExactly("succeeded", "failed", "failed", "failed");
		JsonNode firstAttempt = attempts.path("attempts").get(3);
		assertThat(firstAttempt.path("response_code").asInt()).isEqualTo(500);
		assertThat(firstAttempt.path("response_body").asString()).isEqualTo("database down");
		assertThat(firstAttempt.path("error").asString()).isEqualTo("HTTP 500");
		assertThat(firstAttempt.path("message_id").asString()).isEqualTo(message.toString());
		assertThat(firstAttempt.path("event_type").asString()).isEqualTo("badge.awarded");
		assertThat(firstAttempt.has("duration_ms")).isTrue();
		assertThat(endpointView(program, endpoint).has("failing_since")).as("a success clears the failure clock")
			.isFalse();
	}

	@Test
	void givesUpAfterEightAttempts() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.always(Receiver.Answer.of(500));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();

		for (int i = 0; i < 10; i++) {
			worker.deliverDue();
			clock.tick(Duration.ofHours(11));
		}

		assertThat(receiver.requests()).hasSize(8);
		assertThat(status(program, message)).isEqualTo("failed");
		JsonNode view = endpointView(program, endpoint);
		assertThat(view.path("active").asBoolean()).as("about 28 hours of failures do not disable it").isTrue();
		assertThat(view.path("failing_since").asString()).isNotBlank();
	}

	@Test
	void goneDisablesTheEndpoint(PublishedEvents events) {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.then(Receiver.Answer.of(410));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();

		worker.deliverDue();

		JsonNode view = endpointView(program, endpoint);
		assertThat(view.path("active").asBoolean()).isFalse();
		assertThat(view.path("disabled_reason").asString()).isEqualTo("gone");
		assertThat(status(program, message)).isEqualTo("failed");
		assertThat(events.ofType(WebhookEndpointDisabled.class)
			.matching(e -> e.endpointId().toString().equals(endpoint) && e.reason().equals("gone")
					&& e.programId().equals(program.id()))).hasSize(1);
		publish(program, badge(program, UUID.randomUUID(), "explorer"));
		assertThat(messageIds(program, endpoint)).hasSize(1);
	}

	@Test
	void honoursRetryAfterOn429And503() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.then(Receiver.Answer.of(429, Map.of("Retry-After", "120")));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();

		Instant attempted = clock.instant();
		worker.deliverDue();
		assertThat(nextAttemptAt(program, message).toInstant())
			.isBetween(attempted.plusSeconds(120).minusMillis(1), attempted.plusSeconds(120).plusMillis(1));
		clock.tick(Duration.ofSeconds(119));
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(1);

		clock.tick(Duration.ofSeconds(2));
		Instant later = clock.instant().plus(Duration.ofHours(1));
		receiver.then(Receiver.Answer.of(503,
				Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(later.atOffset(ZoneOffset.UTC)))));
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(2);
		assertThat(nextAttemptAt(program, message).toInstant()).isBetween(later.minusSeconds(1), later);
		clock.tick(Duration.ofHours(1));
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(3);
		assertThat(status(program, message)).isEqualTo("succeeded");
	}

	@Test
	void disablesAnEndpointThatFailedForFiveDays(PublishedEvents events) {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.always(Receiver.Answer.of(500));

		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();
		clock.tick(Duration.ofDays(4).plusHours(23));
		publish(program, badge(program, UUID.randomUUID(), "explorer"));
		worker.deliverDue();
		assertThat(endpointView(program, endpoint).path("active").asBoolean()).as("4 days 23 hours").isTrue();
		assertThat(events.ofType(WebhookEndpointDisabled.class)).isEmpty();

		clock.tick(Duration.ofHours(2));
		worker.deliverDue();

		JsonNode view = endpointView(program, endpoint);
		assertThat(view.path("active").asBoolean()).isFalse();
		assertThat(view.path("disabled_reason").asString()).isEqualTo("failing");
		assertThat(messageIds(program, endpoint)).allSatisfy(m -> assertThat(status(program, m)).isEqualTo("failed"));
		assertThat(events.ofType(WebhookEndpointDisabled.class)
			.matching(e -> e.endpointId().toString().equals(endpoint) && e.reason().equals("failing"))).hasSize(1);

		assertThat(http.patch("/api/v1/webhooks/" + endpoint).bearer(fixtures.adminToken(program))
			.json(Map.of("active", true))
			.send()
			.json()
			.has("disabled_reason")).as("re-enabling clears the reason").isFalse();
	}

	@Test
	void redirectsAreNotFollowed() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		receiver.then(Receiver.Answer.of(302, Map.of("Location", receiver.url() + "/elsewhere")));
		publish(program, badge(program, UUID.randomUUID(), "collector"));

		worker.deliverDue();

		assertThat(receiver.requests()).hasSize(1);
		JsonNode attempt = attempts(program, endpoint)
			.path("attempts").get(0);
		assertThat(attempt.path("status").asString()).isEqualTo("failed");
		assertThat(attempt.path("response_code").asInt()).isEqualTo(302);
		assertThat(attempt.path("error").asString()).contains("redirect not followed");
	}

	@Test
	void anUnreachableReceiverIsAFailedAttempt() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String url = receiver.url();
		receiver.close();
		String endpoint = createEndpoint(program, admin, url, "*").path("id").asString();
		publish(program, badge(program, UUID.randomUUID(), "collector"));

		worker.deliverDue();

		JsonNode attempt = attempts(program, endpoint)
			.path("attempts").get(0);
		assertThat(attempt.path("status").asString()).isEqualTo("failed");
		assertThat(attempt.has("response_code")).isFalse();
		assertThat(attempt.path("error").asString()).contains("ConnectException");
	}

	private void assertNextAttemptWithin(Program program, UUID message, Instant attempted, Duration delay) {
		long jitter = delay.toMillis() / 10;
		assertThat(status(program, message)).isEqualTo("pending");
		assertThat(nextAttemptAt(program, message).toInstant()).isBetween(
				attempted.plus(delay).minusMillis(jitter + 1), attempted.plus(delay).plusMillis(jitter + 1));
	}

	/** The endpoint as the API shows it, with a fresh token: the clock moved past the first one's expiry. */
	private JsonNode endpointView(Program program, String endpoint) {
		return http.get("/api/v1/webhooks/" + endpoint).bearer(fixtures.adminToken(program)).send().json();
	}

	private JsonNode attempts(Program program, String endpoint) {
		return http.get("/api/v1/webhooks/" + endpoint + "/attempts").bearer(fixtures.adminToken(program)).send()
			.json();
	}

	private static String epoch(Instant instant) {
		return Long.toString(instant.getEpochSecond());
	}
}
