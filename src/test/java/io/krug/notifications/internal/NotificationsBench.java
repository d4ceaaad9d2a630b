package io.krug.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Throughput of the delivery worker (not a test: run by {@code bench/notifications/run.sh}). First times turning N
 * pending "bonuses earned" notifications into messages, one by one (a transaction per row, as before batching) and
 * in batches ({@link PendingNotifications#expand}), with the scheduled worker paused. Then queues N messages due in
 * an hour (so the scheduled worker ignores them) and times workers delivering them to GreenMail (e-mail) and to a
 * WireMock Telegram stub (HTTP), with the channel rate limits lifted so the worker itself is measured.
 */
class NotificationsBench extends NotificationTest {

	private static final Logger log = LoggerFactory.getLogger(NotificationsBench.class);

	@Autowired
	RateLimiter rateLimiter;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ProviderSettings providers;

	@Autowired
	java.util.List<ChannelSender> senders;

	@Autowired
	BulkMessageStore bulk;

	@Autowired
	Notifier notifier;

	@Autowired
	com.github.kagkarlsson.scheduler.Scheduler scheduler;

	@Test
	void measure() throws Exception {
		int n = Integer.getInteger("bench.messages", 2000);
		int workers = Integer.getInteger("bench.workers", 4);
		measureExpansion(n);
		ChannelRateLimits unlimited = new ChannelRateLimits(rateLimiter, 1_000_000, 1_000_000, 1_000_000, 1_000_000,
				1_000_000);
		DeliveryWorker worker = new DeliveryWorker(store, bulk, transactions, senders, Duration.ofMinutes(2), 100,
				unlimited, pending);
		WireMockServer telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort()
			.containerThreads(32));
		telegram.start();
		try {
			telegram.stubFor(post(urlPathMatching("/bot.*/sendMessage")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
			for (Channel channel : List.of(Channel.IN_APP, Channel.EMAIL, Channel.TELEGRAM)) {
				Program program = fixtures.program();
				useGreenMail(program);
				TenantContext.run(program.id(), () -> providers.save(program.id().value(), TelegramChannel.PROVIDER,
						new ProviderSettings.Provider(telegram.baseUrl(), "1:bench")));
				UUID member = registered(program);
				deliver(program, clock.instant()); // the registration's own messages
				Instant later = clock.instant().plus(Duration.ofHours(1));
				queue(program, member, channel, n, later);
				long start = System.nanoTime();
				int delivered = run(program, worker, workers, later);
				double seconds = (System.nanoTime() - start) / 1e9;
				// the member's own registration messages may still arrive (published asynchronously) and be among them
				assertThat(delivered).isBetween(n, n + 5);
				log.info(String.format(Locale.ROOT, "BENCH %s: %d messages, %d workers, %.2f s, %.0f messages/s",
						channel.key(), n, workers, seconds, n / seconds));
			}
		}
		finally {
			telegram.stop();
		}
	}

	/** Expands n pending notifications of 10 members with e-mail, one by one and then in batches of 200. */
	private void measureExpansion(int n) {
		Program program = fixtures.program();
		List<UUID> members = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			members.add(memberWithEmail(program, email()));
		}
		scheduler.pause();
		try {
			defer(program, members, n, "one");
			long start = System.nanoTime();
			int expanded = 0;
			while (TenantContext.call(program.id(), () -> tx().execute(s -> expandOne(program)))) {
				expanded++;
			}
			report("expand one by one", expanded, start);
			defer(program, members, n, "batch");
			start = System.nanoTime();
			expanded = 0;
			int last;
			do {
				last = TenantContext.call(program.id(), () -> pending.expand(200));
				expanded += last;
			}
			while (last > 0);
			report("expand in batches of 200", expanded, start);
		}
		finally {
			scheduler.resume();
		}
	}

	private void defer(Program program, List<UUID> members, int n, String prefix) {
		inProgram(program, () -> {
			for (int i = 0; i < n; i++) {
				pending.defer(new Notification(program.id().value(), members.get(i % members.size()),
						"bonuses_earned", "loyalty", Priority.NORMAL, prefix + ":" + i, java.util.Map.of("amount",
								String.valueOf(i % 50 + 1), "available_at", "2026-12-07T09:00:00Z")));
			}
			return null;
		});
	}

	/** As the worker expanded a row before batching: delete it and queue its messages, in one transaction. */
	private boolean expandOne(Program program) {
		List<Notification> taken = jdbc.sql("""
				DELETE FROM notifications.pending WHERE id = (SELECT id FROM notifications.pending
				  WHERE program_id = :p ORDER BY created_at, id LIMIT 1)
				RETURNING member_id, dedupe_key, variables::text AS variables""")
			.param("p", program.id().value())
			.query((rs, i) -> new Notification(program.id().value(), rs.getObject("member_id", UUID.class),
					"bonuses_earned", "loyalty", Priority.NORMAL, rs.getString("dedupe_key"),
					jsonMapper.readValue(rs.getString("variables"), java.util.Map.class)))
			.list();
		taken.forEach(notifier::notify);
		return !taken.isEmpty();
	}

	private static void report(String what, int n, long start) {
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info(String.format(Locale.ROOT, "BENCH %s: %d notifications, %.2f s, %.0f notifications/s", what, n,
				seconds, n / seconds));
	}

	private void queue(Program program, UUID member, Channel channel, int n, Instant due) {
		inProgram(program, () -> {
			for (int i = 0; i < n; i++) {
				String recipient = switch (channel) {
					case EMAIL -> "bench-" + i + "@krug.test";
					case TELEGRAM -> String.valueOf(100_000 + i);
					default -> null;
				};
				store.insert(program.id().value(), new NewMessage(member, "bonuses_earned", "loyalty",
						Priority.NORMAL, channel, "bench-" + i, "ru", recipient, "Начислено 10 бонусов",
						"Анна, вам начислено 10 бонусов.", "<p>Анна, вам начислено <b>10 бонусов</b>.</p>", due),
						clock.instant(), null);
			}
			return null;
		});
	}

	private static int run(Program program, DeliveryWorker worker, int workers, Instant now) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				runs.add(pool.submit(() -> TenantContext.call(program.id(), () -> worker.deliverDue(now))));
			}
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get();
			}
			return total;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
