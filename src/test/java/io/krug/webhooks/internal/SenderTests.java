package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.crypto.SecretBox;
import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.tenancy.ProgramId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One request as the sender makes it: headers, the timeout, what is kept of the answer. */
class SenderTests extends WebhookTest {

	@Autowired
	SecretBox box;

	@Autowired
	EndpointRepository endpoints;

	@Autowired
	RateLimiter rateLimiter;

	@Test
	void sendsCustomHeadersAndKeepsTheFirstKilobyteOfTheAnswer() throws Exception {
		String secret = Signatures.newSecret();
		receiver.then(new Receiver.Answer(200, Map.of(), "x".repeat(5000), null));
		Outcome outcome = sender(Duration.ofSeconds(5)).send(claimed(secret,
				box.encrypt("{\"Authorization\":\"Bearer crm-token\",\"X-Tenant\":\"krug\"}")));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.SUCCEEDED);
		assertThat(outcome.responseBody()).hasSize(1024);
		Receiver.Request request = receiver.requests().getFirst();
		assertThat(request.header("Authorization")).isEqualTo("Bearer crm-token");
		assertThat(request.header("X-Tenant")).isEqualTo("krug");
		request.verify(secret);
	}

	@Test
	void aSlowReceiverTimesOut() {
		receiver.then(Receiver.Answer.slow(Duration.ofSeconds(3)));
		Outcome outcome = sender(Duration.ofMillis(300)).send(claimed(Signatures.newSecret(), null));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
		assertThat(outcome.error()).startsWith("timed out");
		assertThat(outcome.durationMs()).isBetween(250L, 2500L);
	}

	private Sender sender(Duration timeout) {
		return new Sender(Sender.httpClient(timeout), new TargetGuard(true, java.net.InetAddress::getAllByName), box,
				endpoints, rateLimiter, clock, timeout);
	}

	private Claimed claimed(String secret, String sealedHeaders) {
		return new Claimed(UUID.randomUUID(), UUID.randomUUID(), ProgramId.of(UUID.randomUUID().toString()),
				UUID.randomUUID(), "badge.awarded", 0, "{\"type\":\"badge.awarded\"}", receiver.url(),
				box.encrypt(secret), null, null, sealedHeaders, null);
	}
}
