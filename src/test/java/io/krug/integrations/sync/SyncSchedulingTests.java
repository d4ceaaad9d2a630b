package io.krug.integrations.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.integrations.FailingEvents;
import io.krug.integrations.IntegrationsTest;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sync engine: one run per integration across schedulers and threads, back-off, and the failing event. */
class SyncSchedulingTests extends IntegrationsTest {

	static final String RECORDS = "/api/v1/records/1";

	@Autowired
	SyncEngine engine;

	@Autowired
	DataSource dataSource;

	@Autowired
	FailingEvents failing;

	UUID yclientsWithOneSale(int delayMillis) {
		String at = clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString();
		partner.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withFixedDelay(delayMillis)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"success": true, "meta": {"count": 1}, "data": [{"id": 1, "datetime": "%s", "attendance": 1,
					 "paid_full": 1, "services": [{"cost": 800}], "client": {"phone": "%s"}}]}"""
				.formatted(at, Fixtures.phone()))));
		return integration("yclients", Map.of("base_url", partner.baseUrl(), "company_id", "1"),
				Map.of("partner_token", "p", "user_token", "u"));
	}

	@Test
	void twoThreadsRunningTheDueSyncsSyncEachIntegrationOnce() throws Exception {
		UUID id = yclientsWithOneSale(300);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> runs = List.of(race(start), race(start));

		start.countDown();
		int synced = runs.stream().mapToInt(CompletableFuture::join).sum();

		assertThat(synced).isEqualTo(1);
		partner.verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
		assertThat(purchases()).hasSize(1);
		assertThat(show(id).path("last_run").path("imported").asInt()).isEqualTo(1);
	}

	private CompletableFuture<Integer> race(CountDownLatch start) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return TenantContext.call(program.id(), engine::runDue);
		});
	}

	@Test
	void twoSchedulersOnOneDatabaseSyncEachIntegrationOnce() {
		UUID id = yclientsWithOneSale(300);
		AtomicInteger executions = new AtomicInteger();
		AtomicInteger synced = new AtomicInteger();
		RecurringTask<Void> task = Tasks.recurring("integrations-sync-race-" + UUID.randomUUID(),
				Schedules.fixedDelay(Duration.ofMillis(100)))
			.execute((instance, context) -> {
				executions.incrementAndGet();
				synced.addAndGet(TenantContext.call(program.id(), engine::runDue));
			});
		Scheduler a = scheduler("race-a", task);
		Scheduler b = scheduler("race-b", task);
		try {
			a.start();
			b.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> executions.get() >= 4);
		}
		finally {
			a.stop();
			b.stop();
		}

		assertThat(synced.get()).isEqualTo(1);
		partner.verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
		assertThat(purchases()).hasSize(1);
		assertThat(Instant.parse(show(id).path("next_run_at").asString()))
			.isAfter(clock.instant().plus(Duration.ofMinutes(14)));
	}

	private Scheduler scheduler(String name, RecurringTask<Void> task) {
		return Scheduler.create(dataSource)
			.tableName("platform.scheduled_tasks")
			.schedulerName(new SchedulerName.Fixed(name))
			.threads(2)
			.pollingInterval(Duration.ofMillis(50))
			.startTasks(task)
			.build();
	}

	@Test
	void backsOffExponentiallyAndPublishesFailingOnceAfterFiveFailuresInARow() {
		partner.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(503)));
		UUID id = integration("yclients", Map.of("base_url", partner.baseUrl(), "company_id", "1"),
				Map.of("partner_token", "p", "user_token", "u"));

		for (int attempt = 1; attempt <= 4; attempt++) {
			JsonNode after = sync(id);
			assertThat(after.path("status").asString()).isEqualTo("active");
			assertThat(Duration.between(clock.instant(), Instant.parse(after.path("next_run_at").asString())))
				.isBetween(Duration.ofMinutes(1L << (attempt - 1)).minusSeconds(5), Duration.ofMinutes(1L << (attempt - 1)));
		}
		assertThat(failing.of(id)).isEmpty();

		JsonNode fifth = sync(id);
		sync(id);

		assertThat(fifth.path("status").asString()).isEqualTo("failing");
		assertThat(failing.of(id)).hasSize(1);
		assertThat(failing.of(id).getFirst().consecutiveFailures()).isEqualTo(5);
		assertThat(failing.of(id).getFirst().lastError()).startsWith("unavailable: YCLIENTS answered HTTP 503");
		JsonNode listed = http.get("/api/v1/admin/integrations?business_id=" + business).bearer(admin).send().json();
		assertThat(listed.path("items").get(0).path("status").asString()).isEqualTo("failing");
		assertThat(listed.path("items").get(0).path("consecutive_failures").asInt()).isEqualTo(6);

		partner.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo("1"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"success\": true, \"data\": [], \"meta\": {\"count\": 0}}")));
		JsonNode recovered = sync(id);
		assertThat(recovered.path("status").asString()).isEqualTo("active");
		assertThat(recovered.path("consecutive_failures").asInt()).isZero();
	}

	@Test
	void theBackOffStopsAtSixHours() {
		assertThat(engine.backoff(10, null)).isEqualTo(Duration.ofHours(6));
		assertThat(engine.backoff(100, null)).isEqualTo(Duration.ofHours(6));
		assertThat(engine.backoff(3, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
	}
}
