package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.platform.tenancy.Program;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The worker's claims: leases that outlive a dead worker, workers racing for one queue, ordering, rate limits. */
class WorkerTests extends WebhookTest {

	private static final Duration LEASE = Duration.ofMinutes(2);

	@Test
	void aWorkerDyingAfterSendingLosesNothingAndDuplicatesKeepTheWebhookId() {
		Program program = fixtures.program();
		String endpoint = createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*").path("id")
			.asString();
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();

		// A worker claims the message and sends it; the receiver accepts; the worker dies before recording it.
		Claimed claimed = claimed(message);
		assertThat(worker.send(claimed).kind()).isEqualTo(Outcome.Kind.SUCCEEDED);
		assertThat(receiver.requests()).hasSize(1);

		worker.deliverDue();
		assertThat(receiver.requests()).as("still leased to the dead worker").hasSize(1);
		assertThat(status(program, message)).isEqualTo("pending");

		clock.tick(LEASE.plusSeconds(1));
		worker.deliverDue();

		assertThat(receiver.requests()).hasSize(2).extracting(Receiver.Request::webhookId)
			.containsOnly(message.toString());
		assertThat(status(program, message)).isEqualTo("succeeded");
	}

	@Test
	void aLateOutcomeOfALostLeaseIsIgnored() {
		Program program = fixtures.program();
		String endpoint = createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*").path("id")
			.asString();
		receiver.then(Receiver.Answer.of(500));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		UUID message = messageIds(program, endpoint).getFirst();
		Claimed stale = claimed(message);
		Outcome failed = worker.send(stale);
		assertThat(failed.kind()).isEqualTo(Outcome.Kind.FAILED);

		clock.tick(LEASE.plusSeconds(1));
		worker.deliverDue();
		assertThat(status(program, message)).isEqualTo("succeeded");
		worker.record(List.of(failed));

		assertThat(status(program, message)).as("the stale worker's failure does not undo the success")
			.isEqualTo("succeeded");
	}

	@Test
	void racingWorkersDeliverEachMessageOnce() throws Exception {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "*");
		for (int i = 0; i < 200; i++) {
			publish(program, badge(program, UUID.randomUUID(), "b" + i));
		}

		int workers = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(workers);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			runs.add(threads.submit(() -> {
				start.await();
				return worker.deliverDue();
			}));
		}
		start.countDown();
		for (Future<Integer> run : runs) {
			run.get();
		}
		threads.shutdown();

		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).hasSize(200);
		assertThat(new HashSet<>(requests.stream().map(Receiver.Request::webhookId).toList())).hasSize(200);
	}

	@Test
	void anOrderedEndpointDeliversOneMembersMessagesOneAfterAnother() throws Exception {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program),
				Map.of("url", receiver.url(), "event_types", List.of("*"), "ordered", true));
		UUID anna = UUID.randomUUID();
		UUID boris = UUID.randomUUID();
		receiver.then(Receiver.Answer.of(500));
		publish(program, badge(program, anna, "a1"));
		worker.deliverDue();
		publish(program, badge(program, boris, "b1"));
		publish(program, badge(program, anna, "a2"));
		publish(program, badge(program, anna, "a3"));

		worker.deliverDue();
		assertThat(badges()).as("a1 failed, so a2 and a3 wait; boris is not held up").containsExactlyInAnyOrder("a1",
				"b1");

		clock.tick(Duration.ofSeconds(6));
		// two workers race; the order still holds
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Future<Integer>> runs = List.of(threads.submit(() -> {
			start.await();
			return worker.deliverDue();
		}), threads.submit(() -> {
			start.await();
			return worker.deliverDue();
		}));
		start.countDown();
		for (Future<Integer> run : runs) {
			run.get();
		}
		threads.shutdown();

		assertThat(badges().stream().filter(b -> b.startsWith("a")).toList()).containsExactly("a1", "a1", "a2",
				"a3");
	}

	@Test
	void aRateLimitedEndpointGetsTheRestLater() {
		Program program = fixtures.program();
		String endpoint = createEndpoint(program, fixtures.adminToken(program),
				Map.of("url", receiver.url(), "event_types", List.of("*"), "rate_limit_per_second", 2))
			.path("id")
			.asString();
		for (int i = 0; i < 5; i++) {
			publish(program, badge(program, UUID.randomUUID(), "b" + i));
		}

		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(2);
		assertThat(messageIds(program, endpoint)).extracting(m -> status(program, m)).containsOnly("succeeded",
				"pending");

		clock.tick(Duration.ofSeconds(1));
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(4);
		clock.tick(Duration.ofSeconds(1));
		worker.deliverDue();
		assertThat(receiver.requests()).hasSize(5);
		assertThat(messageIds(program, endpoint)).extracting(m -> status(program, m)).containsOnly("succeeded");
		assertThat(http.get("/api/v1/webhooks/" + endpoint + "/attempts").bearer(fixtures.adminToken(program))
			.send().json().path("total").asLong()).as("waiting for the rate limit is not an attempt").isEqualTo(5);
	}

	@Test
	void theBackgroundLoopDeliversAsSoonAsTheTransactionCommits() throws Exception {
		Program program = fixtures.program();
		createEndpoint(program, fixtures.adminToken(program), receiver.url(), "member.registered");
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService thread = Executors.newSingleThreadExecutor();
		Future<Integer> loop = thread.submit(() -> worker.runFor(Duration.ofSeconds(30), stop::get));
		try {
			fixtures.member(program);
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests().size() == 1);
		}
		finally {
			stop.set(true);
			assertThat(loop.get()).isGreaterThanOrEqualTo(1);
			thread.shutdown();
		}
	}

	private List<String> badges() {
		return receiver.requests().stream().map(r -> payload(r).path("data").path("badge").asString()).toList();
	}

	/** Claims due messages as a worker would, until this one is among them (others' messages are released). */
	private Claimed claimed(UUID message) {
		List<Claimed> claimed = worker.claim(10_000);
		Set<UUID> ids = new HashSet<>();
		claimed.forEach(c -> ids.add(c.messageId()));
		assertThat(ids).contains(message);
		return claimed.stream().filter(c -> c.messageId().equals(message)).findFirst().orElseThrow();
	}
}
