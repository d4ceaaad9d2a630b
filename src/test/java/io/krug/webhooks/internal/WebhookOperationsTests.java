package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.Program;
import io.krug.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rotation, resend, recovery and replay. */
class WebhookOperationsTests extends WebhookTest {

	@Test
	void signsWithBothSecretsForADayAfterRotationThenOnlyTheNewOne() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode created = createEndpoint(program, admin, receiver.url(), "*");
		String id = created.path("id").asString();
		String oldSecret = created.path("secret").asString();

		Http.Response rotated = http.post("/api/v1/webhooks/" + id + "/rotate-secret").bearer(admin).send();
		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.text("secret");
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
		assertThat(Instant.parse(rotated.text("previous_secret_expires_at")))
			.isEqualTo(clock.instant().plus(Duration.ofHours(24)));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();

		Receiver.Request duringOverlap = receiver.requests().getFirst();
		assertThat(duringOverlap.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
		duringOverlap.verify(newSecret);
		duringOverlap.verify(oldSecret);

		// The library checks webhook-timestamp against the wall clock, so the rotation is moved 25 hours into the
		// past rather than the delivery into the future.
		Instant now = clock.instant();
		clock.set(now.minus(Duration.ofHours(25)));
		String newest = http.post("/api/v1/webhooks/" + id + "/rotate-secret")
			.bearer(fixtures.adminToken(program))
			.send()
			.text("secret");
		clock.set(now);
		publish(program, badge(program, UUID.randomUUID(), "explorer"));
		worker.deliverDue();

		Receiver.Request afterOverlap = receiver.requests().get(1);
		assertThat(afterOverlap.header("webhook-signature").split(" ")).hasSize(1);
		afterOverlap.verify(newest);
		assertThat(afterOverlap.verifies(newSecret)).isFalse();
		assertThat(afterOverlap.verifies(oldSecret)).isFalse();
	}

	@Test
	void resendsAMessageWithTheSameWebhookId() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		worker.deliverDue();
		UUID message = messageIds(program, endpoint).getFirst();

		Http.Response resent = http.post("/api/v1/webhooks/" + endpoint + "/messages/" + message + "/resend")
			.bearer(admin)
			.send();
		assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
		assertThat(resent.text("status")).isEqualTo("pending");
		worker.deliverDue();

		assertThat(receiver.requests()).hasSize(2).extracting(Receiver.Request::webhookId)
			.containsOnly(message.toString());
		assertThat(receiver.requests().get(0).body()).isEqualTo(receiver.requests().get(1).body());
		assertThat(http.post("/api/v1/webhooks/" + endpoint + "/messages/" + UUID.randomUUID() + "/resend")
			.bearer(admin)
			.send()
			.text("code")).isEqualTo("message_not_found");
	}

	@Test
	void recoversMessagesGivenUpSinceAMoment() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode created = createEndpoint(program, admin, Map.of("url", receiver.url(), "event_types", List.of("*"),
				"ordered", true));
		String endpoint = created.path("id").asString();
		receiver.then(Receiver.Answer.of(410));
		UUID member = UUID.randomUUID();
		Instant since = clock.instant();
		publish(program, badge(program, member, "collector"));
		publish(program, badge(program, member, "explorer"));
		worker.deliverDue();
		assertThat(receiver.requests()).as("ordered: the second waits for the first").hasSize(1);
		assertThat(messageIds(program, endpoint)).allSatisfy(m -> assertThat(status(program, m)).isEqualTo("failed"));

		http.patch("/api/v1/webhooks/" + endpoint).bearer(admin).json(Map.of("active", true)).send();
		Http.Response recovered = http.post("/api/v1/webhooks/" + endpoint + "/recover")
			.bearer(admin)
			.json(Map.of("since", since.toString()))
			.send();
		assertThat(recovered.status()).as(recovered.toString()).isEqualTo(202);
		assertThat(recovered.json().path("messages").asInt()).isEqualTo(2);
		worker.deliverDue();

		assertThat(receiver.requests()).hasSize(3);
		assertThat(receiver.requests().subList(1, 3)).extracting(r -> payload(r).path("data").path("badge").asString())
			.containsExactly("collector", "explorer");
		assertThat(messageIds(program, endpoint)).allSatisfy(m -> assertThat(status(program, m))
			.isEqualTo("succeeded"));
		assertThat(http.post("/api/v1/webhooks/" + endpoint + "/recover").bearer(admin)
			.json(Map.of("since", since.toString())).send().json().path("messages").asInt()).isZero();
	}

	@Test
	void replaysARangeOfPastEventsToANewEndpoint() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		UUID member = UUID.randomUUID();
		Instant start = clock.instant();
		publish(program, badge(program, member, "first"));
		clock.tick(Duration.ofMinutes(1));
		publish(program, new TierChanged(program.id(), member, MemberStatus.INSIDER, MemberStatus.VIP,
				clock.instant()));
		clock.tick(Duration.ofMinutes(1));
		publish(program, badge(program, member, "second"));
		clock.tick(Duration.ofMinutes(1));
		Instant end = clock.instant();
		publish(program, badge(program, member, "after the range"));

		JsonNode created = createEndpoint(program, admin, receiver.url(), "badge.*", "tier.changed");
		String endpoint = created.path("id").asString();
		assertThat(messageIds(program, endpoint)).as("created after the events").isEmpty();
		Http.Response replayed = http.post("/api/v1/webhooks/" + endpoint + "/replay")
			.bearer(admin)
			.json(Map.of("from", start.toString(), "to", end.toString(), "event_types", List.of("badge.*")))
			.send();
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(202);
		assertThat(replayed.json().path("messages").asInt()).isEqualTo(2);
		worker.deliverDue();

		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).extracting(r -> payload(r).path("data").path("badge").asString())
			.containsExactlyInAnyOrder("first", "second");
		for (Receiver.Request request : requests) {
			request.verify(created.path("secret").asString());
		}
		assertThat(requests).filteredOn(r -> payload(r).path("data").path("badge").asString().equals("first"))
			.extracting(r -> payload(r).path("timestamp").asString())
			.as("the event's own moment")
			.containsExactly(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());

		Http.Response everything = http.post("/api/v1/webhooks/" + endpoint + "/replay")
			.bearer(admin)
			.json(Map.of("from", start.toString(), "to", end.toString()))
			.send();
		assertThat(everything.json().path("messages").asInt()).isEqualTo(3);
	}

	@Test
	void rejectsInvalidReplays() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String endpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		Instant now = clock.instant();

		Http.Response backwards = http.post("/api/v1/webhooks/" + endpoint + "/replay")
			.bearer(admin)
			.json(Map.of("from", now.toString(), "to", now.minusSeconds(60).toString()))
			.send();
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.text("code")).isEqualTo("invalid_range");
		Http.Response unknown = http.post("/api/v1/webhooks/" + endpoint + "/replay")
			.bearer(admin)
			.json(Map.of("from", now.minusSeconds(60).toString(), "to", now.toString(), "event_types",
					List.of("nope.*")))
			.send();
		assertThat(unknown.text("code")).isEqualTo("unknown_event_type");
		assertThat(http.post("/api/v1/webhooks/" + endpoint + "/replay").bearer(admin).json(Map.of()).send()
			.status()).isEqualTo(422);
	}
}
