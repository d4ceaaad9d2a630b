package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pending notifications expanded a batch at a time ({@link PendingNotifications#expand}, {@link Notifier#notifyAll})
 * queue exactly the messages that queuing each notification in turn ({@link Notifier#notify}) queues, in a number of
 * statements that does not grow with the batch. The scheduled worker is paused so that only these tests expand, and
 * the messages they queue are set aside afterwards: the channels' rate-limit buckets follow the shared (frozen)
 * clock, and a background run sending them must not drain the buckets the other tests send from (for the same
 * reason the clock is a month after the other tests' midday).
 */
class BatchedExpansionTests extends NotificationTest {

	private static final Logger log = LoggerFactory.getLogger(BatchedExpansionTests.class);

	@Autowired
	Notifier notifier;

	@Autowired
	PreferenceService preferences;

	@Autowired
	TemplateStore templates;

	@Autowired
	Scheduler scheduler;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void pauseTheScheduledWorker() {
		clock.set(MIDDAY.plus(Duration.ofDays(30)));
		scheduler.pause();
		await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.getCurrentlyExecuting().isEmpty());
	}

	@AfterEach
	void resumeTheScheduledWorker() {
		created.forEach(BatchedExpansionTests.this::setAside);
		scheduler.resume();
	}

	private final List<Program> created = new ArrayList<>();

	private Program program() {
		Program program = fixtures.program();
		created.add(program);
		return program;
	}

	/** Suppresses the program's messages that wait to be sent, so no background run sends them. */
	private void setAside(Program program) {
		inProgram(program, () -> jdbc.sql("""
				UPDATE notifications.messages SET status = 'suppressed', last_error = 'test_over'
				WHERE program_id = :p AND status IN ('queued', 'held')""")
			.param("p", program.id().value())
			.update());
	}

	private static Notification bonuses(Program program, UUID member, String key, String amount) {
		return new Notification(program.id().value(), member, "bonuses_earned", "loyalty", Priority.NORMAL, key,
				Map.of("amount", amount, "available_at", "2026-12-07T09:00:00Z"));
	}

	private void prefer(Program program, UUID member, java.util.function.UnaryOperator<Preferences> change) {
		TenantContext.run(program.id(), () -> preferences.update(program.id().value(), member,
				change.apply(preferences.get(program.id().value(), member)), "test"));
	}

	/**
	 * Every message of the program's "bonuses earned" notifications and its history, as text without ids: what the
	 * member receives, when, and why not.
	 */
	private List<String> bonusMessages(Program program) {
		return jdbc.sql("""
				SELECT m.member_id, m.channel, m.status, m.dedupe_key, m.locale, m.recipient, m.subject, m.body_text,
				  m.body_html, m.next_attempt_at, m.created_at, m.last_error, m.priority, m.category, m.attempts,
				  (SELECT string_agg(e.status || ':' || coalesce(e.reason, '') || '@' || e.at, ',' ORDER BY e.at, e.id)
				   FROM notifications.message_events e WHERE e.message_id = m.id) AS history
				FROM notifications.messages m
				WHERE m.program_id = :p AND m.type = 'bonuses_earned'
				ORDER BY m.created_at, m.id""")
			.param("p", program.id().value())
			.query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
				}
				return row.toString();
			})
			.list();
	}

	@Test
	void aBatchQueuesWhatQueuingEachInTurnQueues() {
		Program program = program();
		UUID plain = memberWithEmail(program, email());
		UUID withoutEmail = registered(program);
		UUID capped = memberWithEmail(program, email());
		prefer(program, capped, p -> new Preferences(p.channels(), p.categories(), p.quietHours(), p.timeZone(),
				p.digest(), 2, new Preferences.Addresses(p.contacts().email(), List.of("device-1"), null), p.locale()));
		UUID asleep = memberWithEmail(program, email());
		prefer(program, asleep, p -> new Preferences(p.channels(), p.categories(), p.quietHours(), "America/New_York",
				p.digest(), p.dailyCap(), p.contacts(), "en"));
		UUID noLoyalty = memberWithEmail(program, email());
		prefer(program, noLoyalty, p -> new Preferences(p.channels(),
				PreferenceStore.categories(List.of("loyalty")), p.quietHours(), p.timeZone(), p.digest(),
				p.dailyCap(), p.contacts(), p.locale()));
		UUID noEmail = memberWithEmail(program, email());
		prefer(program, noEmail, p -> new Preferences(new Preferences.Channels(false, false, true, true),
				p.categories(), p.quietHours(), p.timeZone(), p.digest(), p.dailyCap(), p.contacts(), p.locale()));
		inProgram(program, () -> templates.create(program.id().value(), new Template("bonuses_earned", "email", "ru",
				"Свои {{ amount }}", "{{ first_name|default('Вы') }}: +{{ amount }} в {{ program_name }}", null),
				"test", clock.instant()));
		List<Notification> batch = List.of(bonuses(program, plain, "b:1", "10"),
				bonuses(program, withoutEmail, "b:2", "21"), bonuses(program, capped, "b:3", "3"),
				bonuses(program, capped, "b:4", "4"), bonuses(program, asleep, "b:5", "5"),
				bonuses(program, noLoyalty, "b:6", "6"), bonuses(program, noEmail, "b:7", "7"),
				bonuses(program, plain, "b:1", "10"), bonuses(program, UUID.randomUUID(), "b:8", "8"));

		List<String> oneByOne = rolledBack(program, () -> batch.forEach(notifier::notify));
		List<String> together = rolledBack(program, () -> notifier.notifyAll(program.id().value(), batch));

		assertThat(together).containsExactlyElementsOf(oneByOne);
		// the cases above are there: suppressed, capped to the next day, after the quiet hours, the own template
		assertThat(oneByOne).hasSize(16);
		assertThat(oneByOne).filteredOn(m -> m.contains("last_error=category_disabled")).hasSize(2);
		assertThat(oneByOne).filteredOn(m -> m.contains("last_error=channel_disabled")).hasSize(1);
		assertThat(oneByOne).filteredOn(m -> m.contains("last_error=no_email_address")).hasSize(1);
		assertThat(oneByOne).filteredOn(m -> m.contains("dedupe_key=b:4") && !m.contains("channel=in_app"))
			.hasSize(2)
			.allMatch(m -> m.contains("next_attempt_at=2026-12-24 05:00:00+00"), "capped to the next morning");
		assertThat(oneByOne).filteredOn(m -> m.contains("dedupe_key=b:5") && m.contains("channel=email"))
			.singleElement()
			.matches(m -> m.contains("next_attempt_at=2026-12-23 13:00:00+00"), "08:00 in New York");
		assertThat(oneByOne).filteredOn(m -> m.contains("dedupe_key=b:1") && m.contains("channel=email"))
			.singleElement()
			.matches(m -> m.contains("subject=Свои 10 ") && m.contains("в " + program.name()), "own template");
	}

	/** The program's "bonuses earned" messages after {@code work} ran in a transaction that is then rolled back. */
	private List<String> rolledBack(Program program, Runnable work) {
		return TenantContext.call(program.id(), () -> tx().execute(s -> {
			work.run();
			List<String> messages = bonusMessages(program);
			s.setRollbackOnly();
			return messages;
		}));
	}

	@Test
	void aRowThatCannotBeQueuedDoesNotHoldUpTheOthers() {
		Program program = program();
		UUID member = memberWithEmail(program, email());
		UUID bad = UUID.randomUUID();
		inProgram(program, () -> {
			pending.defer(bonuses(program, member, "good:1", "1"));
			jdbc.sql("""
					INSERT INTO notifications.pending (id, program_id, member_id, type, category, priority, dedupe_key,
					  variables, created_at)
					VALUES (:id, :p, :m, 'bonuses_earned', 'loyalty', 'urgent', 'bad:1', '{}', :at)""")
				.param("id", bad).param("p", program.id().value()).param("m", member)
				.param("at", java.sql.Timestamp.from(clock.instant()))
				.update();
			pending.defer(bonuses(program, member, "good:2", "2"));
			pending.defer(bonuses(program, member, "good:3", "3"));
			return null;
		});

		List<String> first = new ArrayList<>();
		assertThat(Statements.record(dataSource, () -> queuePending(program), first)).isEqualTo(3);
		assertThat(first).as("the batch, then each row alone once: " + String.join("\n", first))
			.filteredOn(s -> s.startsWith("DELETE FROM notifications.pending WHERE id = ?"))
			.hasSize(4);

		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("bonuses_earned")).hasSize(6);
		assertThat(pendingIds(program)).as("the bad row stays, to be tried again").containsExactly(bad);

		inProgram(program, () -> {
			pending.defer(bonuses(program, member, "good:4", "4"));
			pending.defer(bonuses(program, member, "good:5", "5"));
			return null;
		});
		List<String> statements = new ArrayList<>();
		assertThat(Statements.record(dataSource, () -> queuePending(program), statements)).isEqualTo(2);
		assertThat(statements).as("the bad row alone, the rows after it together: " + String.join("\n", statements))
			.filteredOn(s -> s.startsWith("DELETE FROM notifications.pending"))
			.hasSize(2)
			.anyMatch(s -> s.contains("FOR UPDATE SKIP LOCKED"))
			.anyMatch(s -> s.startsWith("DELETE FROM notifications.pending WHERE id = ?"));
		assertThat(pendingIds(program)).containsExactly(bad);
		inProgram(program, () -> jdbc.sql("DELETE FROM notifications.pending WHERE id = :id").param("id", bad).update());
	}

	private List<UUID> pendingIds(Program program) {
		return inProgram(program, () -> jdbc.sql("SELECT id FROM notifications.pending WHERE program_id = :p")
			.param("p", program.id().value())
			.query(UUID.class)
			.list());
	}

	@Test
	void concurrentWorkersQueueEachNotificationOnce() throws Exception {
		Program program = program();
		List<UUID> members = List.of(memberWithEmail(program, email()), memberWithEmail(program, email()),
				registered(program));
		int rows = 150;
		inProgram(program, () -> {
			for (int i = 0; i < rows; i++) {
				pending.defer(bonuses(program, members.get(i % members.size()), "race:" + i, String.valueOf(i + 1)));
			}
			return null;
		});
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		int expanded = 0;
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					int mine = 0;
					int last;
					do {
						last = TenantContext.call(program.id(), () -> pending.expand(20));
						mine += last;
					}
					while (last > 0);
					return mine;
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				expanded += run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(expanded).as("each row expanded by one worker").isEqualTo(rows);
		assertThat(pendingIds(program)).isEmpty();
		List<String> queued = inProgram(program, () -> bonusMessages(program));
		assertThat(queued).as("in-app and e-mail for each").hasSize(rows * 2);
		assertThat(queued).allMatch(m -> m.matches(".*history=(queued|suppressed):[^,]*$"), "one history row each");
	}

	@Test
	void expandingABatchCostsTheSameStatementsForFourRowsAsForForty() {
		Program program = program();
		List<UUID> members = List.of(memberWithEmail(program, email()), memberWithEmail(program, email()),
				memberWithEmail(program, email()), registered(program));
		List<String> four = expansionStatements(program, members, 4, "four");
		List<String> forty = expansionStatements(program, members, 40, "forty");
		log.info("Expanding 40 pending notifications: {} statements:\n{}", forty.size(), String.join("\n", forty));
		assertThat(forty).hasSameSizeAs(four);
		// the tenant setting and the oldest rows; then in the program's transaction: the tenant setting, the rows
		// taken, members, preferences, the program's templates, used dedupe keys, the daily-cap counts, and the
		// messages with their histories
		assertThat(forty).as(String.join("\n", forty)).hasSize(10);
		assertThat(inProgram(program, () -> bonusMessages(program))).hasSize(44 * 2);
	}

	private List<String> expansionStatements(Program program, List<UUID> members, int rows, String prefix) {
		inProgram(program, () -> {
			for (int i = 0; i < rows; i++) {
				pending.defer(bonuses(program, members.get(i % members.size()), prefix + ":" + i, "5"));
			}
			return null;
		});
		List<String> statements = new ArrayList<>();
		int expanded = Statements.record(dataSource, () -> queuePending(program), statements);
		assertThat(expanded).isEqualTo(rows);
		return statements;
	}
}
