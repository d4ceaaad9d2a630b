package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worker sends a claimed batch and then records every message's outcome together, in one statement: each message
 * gets the status, history, next attempt and error that recording it alone gave it. Messages here are due an hour
 * ahead of the shared clock, so only the worker runs this test drives (with an explicit time) can see them. The clock
 * is a month after the other tests' midday, and what is left queued is set aside afterwards: the channels'
 * rate-limit buckets follow the shared (frozen) clock, and these tests' sends must not drain the buckets the other
 * tests send from.
 */
class BatchedDeliveryTests extends NotificationTest {

	@Autowired
	BulkMessageStore bulk;

	@Autowired
	List<ChannelSender> senders;

	@Autowired
	RateLimiter rateLimiter;

	@Autowired
	DataSource dataSource;

	private Instant later;

	@BeforeEach
	void twoDaysLater() {
		clock.set(MIDDAY.plus(Duration.ofDays(31)));
		later = clock.instant().plus(Duration.ofHours(1));
	}

	private final List<Program> created = new ArrayList<>();

	private Program program() {
		Program program = fixtures.program();
		created.add(program);
		return program;
	}

	@AfterEach
	void setAside() {
		created.forEach(program -> inProgram(program, () -> jdbc.sql("""
				UPDATE notifications.messages SET status = 'suppressed', last_error = 'test_over'
				WHERE program_id = :p AND status IN ('queued', 'held', 'sending')""")
			.param("p", program.id().value())
			.update()));
	}

	private UUID queue(Program program, UUID member, Channel channel, String recipient, String key) {
		NewMessage message = new NewMessage(member, "welcome", "account", Priority.NORMAL, channel, key, "ru",
				recipient, "Тема", "Текст", "<p>Текст</p>", later);
		return inProgram(program, () -> store.insert(program.id().value(), message, clock.instant(), null))
			.orElseThrow();
	}

	private Message stored(Program program, UUID id) {
		return inProgram(program, () -> store.find(program.id().value(), id)).orElseThrow();
	}

	private List<String> reasons(Program program, UUID id) {
		return inProgram(program, () -> store.history(program.id().value(), id))
			.stream()
			.map(c -> c.status() + ":" + c.reason())
			.toList();
	}

	@Test
	void eachMessageOfABatchGetsItsOwnOutcome() throws Exception {
		Program good = program();
		useGreenMail(good);
		String address = email();
		UUID a = memberWithEmail(good, address);
		Program broken = program();
		try (ServerSocket socket = new ServerSocket(0)) {
			smtpOnPort(broken, socket.getLocalPort());
		}
		UUID b = memberWithEmail(broken, email());
		UUID inApp = queue(good, a, Channel.IN_APP, null, "o:in-app");
		UUID mail = queue(good, a, Channel.EMAIL, address, "o:mail");
		UUID lost = queue(good, a, Channel.IN_APP, null, "o:lost");
		List<UUID> pushes = List.of(queue(good, a, Channel.PUSH, "device", "o:push-1"),
				queue(good, a, Channel.PUSH, "device", "o:push-2"), queue(good, a, Channel.PUSH, "device", "o:push-3"));
		UUID unreachable = queue(broken, b, Channel.EMAIL, "x@krug.test", "o:retry");
		UUID exhausted = queue(broken, b, Channel.EMAIL, "y@krug.test", "o:exhausted");
		UUID telegram = queue(broken, b, Channel.TELEGRAM, "12345", "o:telegram");
		inProgram(broken, () -> jdbc.sql("UPDATE notifications.messages SET attempts = 3 WHERE id = :id")
			.param("id", exhausted)
			.update());

		// push allows one send a second, so at least two of the three are throttled
		DeliveryWorker worker = new DeliveryWorker(store, bulk, transactionManager, senders, Duration.ofMinutes(2),
				100, new ChannelRateLimits(rateLimiter, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1), pending);
		List<Message> claimed = new ArrayList<>(TenantContext.call(good.id(), () -> worker.claim(later)));
		claimed.addAll(TenantContext.call(broken.id(), () -> worker.claim(later)));
		assertThat(claimed).hasSize(9);
		inProgram(good, () -> jdbc.sql("UPDATE notifications.messages SET claim_token = :t WHERE id = :id")
			.param("t", UUID.randomUUID())
			.param("id", lost)
			.update());
		List<String> statements = new ArrayList<>();
		Statements.record(dataSource, () -> TenantContext.callAsSystem(() -> {
			worker.deliver(claimed, later);
			return null;
		}), statements);

		assertThat(statements).filteredOn(s -> s.contains("notifications.message")).as(String.join("\n", statements))
			.hasSize(1);
		assertThat(stored(good, inApp).status()).isEqualTo("delivered");
		assertThat(reasons(good, inApp)).containsExactly("queued:null", "sending:null", "delivered:null");
		Message sent = stored(good, mail);
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.sentAt()).isEqualTo(later);
		assertThat(mailTo(address)).hasSize(1);
		assertThat(reasons(good, mail)).containsExactly("queued:null", "sending:null", "sent:null");
		assertThat(stored(good, lost).status()).as("its claim no longer held").isEqualTo("sending");
		assertThat(reasons(good, lost)).containsExactly("queued:null", "sending:null");

		Message retry = stored(broken, unreachable);
		assertThat(retry.status()).isEqualTo("queued");
		assertThat(retry.attempts()).isEqualTo(1);
		assertThat(retry.claimToken()).isNull();
		assertThat(retry.lastError()).isNotBlank();
		assertThat(retry.nextAttemptAt()).isBetween(later.plusSeconds(8), later.plusSeconds(12));
		assertThat(reasons(broken, unreachable)).containsExactly("queued:null", "sending:null",
				"retry:" + retry.lastError());
		Message dead = stored(broken, exhausted);
		assertThat(dead.status()).isEqualTo("failed");
		assertThat(dead.lastError()).startsWith("retries_exhausted: ");
		assertThat(reasons(broken, exhausted)).containsExactly("queued:null", "sending:null",
				"failed:" + dead.lastError());
		assertThat(stored(broken, telegram).status()).isEqualTo("suppressed");
		assertThat(reasons(broken, telegram)).containsExactly("queued:null", "sending:null",
				"suppressed:telegram_not_configured");

		List<Message> throttled = pushes.stream().map(id -> stored(good, id)).filter(m -> m.status().equals("queued"))
			.toList();
		assertThat(throttled).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> {
			assertThat(m.attempts()).as("the throttled attempt is not counted").isZero();
			assertThat(m.lastError()).isNull();
			assertThat(m.claimToken()).isNull();
			assertThat(m.nextAttemptAt()).isAfter(later);
			assertThat(reasons(good, m.id())).containsExactly("queued:null", "sending:null", "retry:rate_limited");
		});
		assertThat(pushes).allSatisfy(id -> assertThat(stored(good, id).status()).isIn("queued", "suppressed"));
	}

	@Test
	void outcomesAreRecordedOneByOneWhenTheBatchCannotBe() {
		Program program = program();
		useGreenMail(program);
		String address = email();
		UUID member = memberWithEmail(program, address);
		UUID inApp = queue(program, member, Channel.IN_APP, null, "f:in-app");
		UUID mail = queue(program, member, Channel.EMAIL, address, "f:mail");
		BulkMessageStore failing = new BulkMessageStore(jdbc) {
			@Override
			List<UUID> record(List<Transition> transitions, Instant now) {
				throw new IllegalStateException("the batch's statement failed");
			}
		};
		DeliveryWorker worker = new DeliveryWorker(store, failing, transactionManager, senders, Duration.ofMinutes(2),
				100, new ChannelRateLimits(rateLimiter, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000),
				pending);

		assertThat(TenantContext.call(program.id(), () -> worker.deliverDue(later))).isEqualTo(2);

		assertThat(stored(program, inApp).status()).isEqualTo("delivered");
		assertThat(stored(program, mail).status()).isEqualTo("sent");
		assertThat(reasons(program, mail)).containsExactly("queued:null", "sending:null", "sent:null");
	}

	@Test
	void recordingOutcomesCostsOneStatementPerBatch() {
		Program program = program();
		UUID member = memberWithEmail(program, email());
		assertThat(deliveryStatements(program, member, 3, "few")).hasSameSizeAs(
				deliveryStatements(program, member, 30, "many"));
	}

	/** The statements on messages and their histories of a worker run delivering {@code n} in-app messages. */
	private List<String> deliveryStatements(Program program, UUID member, int n, String prefix) {
		for (int i = 0; i < n; i++) {
			queue(program, member, Channel.IN_APP, null, prefix + ":" + i);
		}
		List<String> statements = new ArrayList<>();
		int delivered = Statements.record(dataSource, () -> deliver(program, later), statements);
		assertThat(delivered).isEqualTo(n);
		return statements.stream().filter(s -> s.contains("notifications.message")).toList();
	}
}
