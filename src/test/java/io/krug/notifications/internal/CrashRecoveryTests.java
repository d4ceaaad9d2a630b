package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A worker dying at each point of a delivery loses nothing and sends nothing twice. Messages here are due an hour
 * ahead of the shared clock, so only the worker runs this test drives (with an explicit time) can see them.
 */
class CrashRecoveryTests extends NotificationTest {

	private Instant later;

	private UUID queueEmail(Program program, UUID member, String address, String key, Channel channel) {
		later = clock.instant().plus(Duration.ofHours(1));
		NewMessage message = new NewMessage(member, "welcome", "account", Priority.NORMAL, channel, key, "ru",
				channel == Channel.EMAIL ? address : null, "Тема", "Текст", "<p>Текст</p>", later);
		return inProgram(program, () -> store.insert(program.id().value(), message, clock.instant(), null))
			.orElseThrow();
	}

	private Message stored(Program program, UUID id) {
		return inProgram(program, () -> store.find(program.id().value(), id)).orElseThrow();
	}

	@Test
	void claimRolledBackLeavesMessageQueuedAndItIsSentOnce() {
		Program program = fixtures.program();
		useGreenMail(program);
		String address = email();
		UUID member = memberWithEmail(program, address);
		UUID id = queueEmail(program, member, address, "crash-rollback", Channel.EMAIL);

		TenantContext.run(program.id(), () -> tx().executeWithoutResult(s -> {
			assertThat(store.claim(10, later, Duration.ofMinutes(2))).extracting(Message::id).contains(id);
			s.setRollbackOnly(); // the process dies before the claim commits
		}));
		assertThat(stored(program, id).status()).isEqualTo("queued");
		assertThat(stored(program, id).attempts()).isZero();

		assertThat(deliver(program, later)).isEqualTo(1);
		assertThat(deliver(program, later.plusSeconds(600))).isZero();
		assertThat(mailTo(address)).hasSize(1);
		assertThat(history(program, id)).containsExactly("queued", "sending", "sent");
	}

	@Test
	void emailWhoseWorkerDiedAfterClaimingBecomesDeadLetterNotResent() {
		Program program = fixtures.program();
		useGreenMail(program);
		String address = email();
		UUID member = memberWithEmail(program, address);
		UUID id = queueEmail(program, member, address, "crash-lease", Channel.EMAIL);

		List<Message> claimed = TenantContext.call(program.id(), () -> worker.claim(later));
		assertThat(claimed).extracting(Message::id).containsExactly(id);
		// ...and the worker dies: the send's outcome is never recorded.

		assertThat(deliver(program, later.plusSeconds(60))).as("lease still held").isZero();
		assertThat(stored(program, id).status()).isEqualTo("sending");
		deliver(program, later.plusSeconds(121));
		Message dead = stored(program, id);
		assertThat(dead.status()).isEqualTo("failed");
		assertThat(dead.lastError()).isEqualTo("outcome_unknown");
		assertThat(mailTo(address)).isEmpty();

		// The dead worker's late report changes nothing: its claim no longer holds.
		Boolean held = TenantContext.call(program.id(),
				() -> tx().execute(s -> store.complete(claimed.getFirst(), MessageStatus.SENT, null, later)));
		assertThat(held).isFalse();
		assertThat(stored(program, id).status()).isEqualTo("failed");
		assertThat(history(program, id)).containsExactly("queued", "sending", "failed");
	}

	@Test
	void inAppMessageWhoseWorkerDiedIsDeliveredOnceAfterTheLease() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		UUID id = queueEmail(program, member, null, "crash-in-app", Channel.IN_APP);

		assertThat(TenantContext.call(program.id(), () -> worker.claim(later))).extracting(Message::id)
			.containsExactly(id);
		deliver(program, later.plusSeconds(121));
		assertThat(stored(program, id).status()).isEqualTo("delivered");
		assertThat(history(program, id)).containsExactly("queued", "sending", "retry", "sending", "delivered");
	}

	@Test
	void concurrentWorkersSendEachMessageExactlyOnce() throws Exception {
		Program program = fixtures.program();
		useGreenMail(program);
		UUID member = memberWithEmail(program, email());
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String address = email();
			addresses.add(address);
			queueEmail(program, member, address, "race-" + i, Channel.EMAIL);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return deliver(program, later);
				}));
			}
			start.countDown();
			int handled = 0;
			for (Future<Integer> run : runs) {
				handled += run.get();
			}
			assertThat(handled).isEqualTo(40);
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> addresses.stream().allMatch(a -> mailTo(a).size() == 1));
		assertThat(addresses).allSatisfy(a -> assertThat(mailTo(a)).hasSize(1));
		assertThat(messages(program, member)).filteredOn(m -> addresses.contains(m.recipient()))
			.hasSize(40)
			.allMatch(m -> m.status().equals("sent"));
	}
}
