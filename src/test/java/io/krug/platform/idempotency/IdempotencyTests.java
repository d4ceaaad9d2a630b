package io.krug.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.idempotency.IdempotentTestController.Gate;
import io.krug.platform.idempotency.IdempotentTestController.OrderRequest;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class IdempotencyTests extends ApiTest {

	private static final String ORDERS = "/test-support/idempotent/orders";

	private static final String SHARED = "/test-support/idempotent/shared/orders";

	@Autowired
	Programs programs;

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	IdempotencyKeyPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Program program;

	String tag;

	@BeforeEach
	void newProgramAndTag() {
		program = newProgram();
		tag = UUID.randomUUID().toString();
	}

	@Test
	void replaysTheStoredResponseWithoutRunningTheHandlerAgain() {
		String key = UUID.randomUUID().toString();
		Http.Response first = post(ORDERS, key, order(100));
		Http.Response second = post(ORDERS, key, order(100));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotency-Replay")).isEmpty();
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.header("Idempotency-Replay")).contains("true");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Location")).isPresent().isEqualTo(first.header("Location"));
		assertThat(second.contentType()).startsWith("application/json");
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void rejectsTheSameKeyWithADifferentBody() {
		String key = UUID.randomUUID().toString();
		post(ORDERS, key, order(100));
		Http.Response other = post(ORDERS, key, order(999));

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.text("code")).isEqualTo("idempotency_key_reused");
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void answersAConcurrentDuplicateWithConflictAndRetryAfter() throws Exception {
		String key = UUID.randomUUID().toString();
		Gate gate = Gate.install(tag);
		CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> post(ORDERS, key, order(100)));
		assertThat(gate.entered().await(20, TimeUnit.SECONDS)).isTrue();

		Http.Response duplicate = post(ORDERS, key, order(100));
		gate.release().countDown();

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.text("code")).isEqualTo("idempotency_key_in_use");
		assertThat(duplicate.header("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
		assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
		assertThat(post(ORDERS, key, order(100)).header("Idempotency-Replay")).contains("true");
	}

	@Test
	void runsOnlyOnceWhenManyDuplicatesRace() throws Exception {
		String key = UUID.randomUUID().toString();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				calls.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return post(ORDERS, key, order(100));
				}, pool));
			}
			start.countDown();
			List<Integer> statuses = calls.stream().map(c -> c.join().status()).toList();

			// Each loser either raced the winner (409) or arrived after it finished (a 201 replay).
			assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
		}
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void releasesTheKeyOnAServerErrorSoARetryRunsAgain() {
		String key = UUID.randomUUID().toString();
		Http.Response failed = post("/test-support/idempotent/flaky", key, order(100));
		Http.Response retried = post("/test-support/idempotent/flaky", key, order(100));
		Http.Response replayed = post("/test-support/idempotent/flaky", key, order(100));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotency-Replay")).isEmpty();
		assertThat(replayed.header("Idempotency-Replay")).contains("true");
		assertThat(replayed.body()).isEqualTo(retried.body());
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
	}

	@Test
	void releasesTheKeyWhenTheHandlerThrows() {
		String key = UUID.randomUUID().toString();
		Http.Response failed = post("/test-support/idempotent/throwing", key, order(100));
		Http.Response retried = post("/test-support/idempotent/throwing", key, order(100));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
	}

	@Test
	void storesAndReplaysClientErrors() {
		String key = UUID.randomUUID().toString();
		Http.Response first = post("/test-support/idempotent/rejected", key, order(100));
		Http.Response second = post("/test-support/idempotent/rejected", key, order(100));

		assertThat(first.status()).isEqualTo(422);
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.header("Idempotency-Replay")).contains("true");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void requiresTheKeyHeader() {
		Http.Response response = http.post(ORDERS).program(program.slug()).json(order(100)).send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("idempotency_key_required");
		assertThat(IdempotentTestController.executions(tag)).isZero();
	}

	@Test
	void rejectsAMalformedKey() {
		Http.Response tooLong = post(ORDERS, "k".repeat(256), order(100));
		Http.Response blank = post(ORDERS, "   ", order(100));

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text("code")).isEqualTo("idempotency_key_invalid");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(post(ORDERS, "k".repeat(255), order(100)).status()).isEqualTo(201);
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void runsEveryRequestWhenTheKeyIsOptionalAndAbsent() {
		http.post("/test-support/idempotent/optional").program(program.slug()).json(order(1)).send();
		http.post("/test-support/idempotent/optional").program(program.slug()).json(order(1)).send();

		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
	}

	@Test
	void ignoresKeysOnEndpointsThatAreNotIdempotent() {
		String key = UUID.randomUUID().toString();
		http.post("/test-support/idempotent/plain").program(program.slug()).idempotencyKey(key).json(order(1)).send();
		http.post("/test-support/idempotent/plain").program(program.slug()).idempotencyKey(key).json(order(1)).send();

		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
		assertThat(rowExists(program.id(), key)).isFalse();
	}

	@Test
	void scopesKeysPerProgram() {
		String key = UUID.randomUUID().toString();
		Program other = newProgram();
		Http.Response here = post(ORDERS, key, order(100));
		Http.Response there = http.post(ORDERS).program(other.slug()).idempotencyKey(key).json(order(100)).send();

		assertThat(here.status()).isEqualTo(201);
		assertThat(there.status()).isEqualTo(201);
		assertThat(there.header("Idempotency-Replay")).isEmpty();
		assertThat(there.body()).isNotEqualTo(here.body());
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
	}

	@Test
	void takesOverAKeyWhoseRequestCrashedOnceItsLeaseEnds() {
		String key = UUID.randomUUID().toString();
		byte[] body = http.json().writeValueAsBytes(order(100));
		String hash = Fingerprint.of("POST", ORDERS, null, body);
		KeyScope scope = new KeyScope(program.id(), "anonymous", key);
		Claim crashed = TenantContext.call(program.id(), () -> keys.claim(scope, hash, clock.instant()));
		assertThat(crashed).isInstanceOf(Claim.Acquired.class);

		Http.Response whileLeased = post(ORDERS, key, order(100));
		clock.tick(Duration.ofSeconds(61));
		Http.Response afterLease = post(ORDERS, key, order(100));

		assertThat(whileLeased.status()).isEqualTo(409);
		assertThat(afterLease.status()).isEqualTo(201);
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void purgesExpiredKeysOfEveryProgram() {
		String expiring = UUID.randomUUID().toString();
		Program other = newProgram();
		post(ORDERS, expiring, order(100));
		http.post(ORDERS).program(other.slug()).idempotencyKey(expiring).json(order(100)).send();
		clock.tick(Duration.ofHours(24).plusSeconds(1));
		String fresh = UUID.randomUUID().toString();
		post(ORDERS, fresh, order(100));

		int purged = purge.purgeExpired();

		assertThat(purged).isGreaterThanOrEqualTo(2);
		assertThat(rowExists(program.id(), expiring)).isFalse();
		assertThat(rowExists(other.id(), expiring)).isFalse();
		assertThat(rowExists(program.id(), fresh)).isTrue();
	}

	@Test
	void schedulesThePurgeAsARecurringJob() {
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT count(*) FROM platform.scheduled_tasks WHERE task_name = 'platform-idempotency-keys-purge'")
			.query(Long.class)
			.single()).isEqualTo(1));
	}

	@Test
	void aSharedTransactionReplaysRejectsReuseAndAnswersADuplicateInFlightWithConflict() throws Exception {
		String key = UUID.randomUUID().toString();
		Gate gate = Gate.install(tag);
		CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> post(SHARED, key, order(100)));
		assertThat(gate.entered().await(20, TimeUnit.SECONDS)).isTrue();

		Http.Response duplicate = post(SHARED, key, order(100));
		gate.release().countDown();
		Http.Response created = first.get(30, TimeUnit.SECONDS);
		Http.Response replayed = post(SHARED, key, order(100));
		Http.Response reused = post(SHARED, key, order(999));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.header("Retry-After")).isPresent();
		assertThat(created.status()).isEqualTo(201);
		assertThat(replayed.header("Idempotency-Replay")).contains("true");
		assertThat(replayed.body()).isEqualTo(created.body());
		assertThat(replayed.header("Location")).isEqualTo(created.header("Location"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.text("code")).isEqualTo("idempotency_key_reused");
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	@Test
	void aSharedTransactionThatFailsTakesItsClaimWithItSoARetryRunsAgain() {
		String key = UUID.randomUUID().toString();
		Http.Response failed = post("/test-support/idempotent/shared/throwing", key, order(100));
		boolean claimedAfterFailure = rowExists(program.id(), key);
		Http.Response retried = post("/test-support/idempotent/shared/throwing", key, order(100));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(claimedAfterFailure).isFalse();
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotency-Replay")).isEmpty();
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(2);
	}

	@Test
	void aClientErrorRaisedInsideTheSharedTransactionIsStoredAndReplayed() {
		String key = UUID.randomUUID().toString();
		Http.Response first = post("/test-support/idempotent/shared/rejected", key, order(100));
		Http.Response second = post("/test-support/idempotent/shared/rejected", key, order(100));

		assertThat(first.status()).isEqualTo(422);
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.header("Idempotency-Replay")).contains("true");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(IdempotentTestController.executions(tag)).isEqualTo(1);
	}

	private Http.Response post(String path, String key, OrderRequest body) {
		return http.post(path).program(program.slug()).idempotencyKey(key).json(body).send();
	}

	private OrderRequest order(int amount) {
		return new OrderRequest(tag, amount);
	}

	private Program newProgram() {
		return programs.create("idem-" + UUID.randomUUID().toString().substring(0, 8), "Idempotency test",
				ZoneId.of("Europe/Moscow"), Currency.getInstance("RUB"), false);
	}

	private boolean rowExists(ProgramId programId, String key) {
		return TenantContext.call(programId, () -> transactions.execute(tx -> jdbc
			.sql("SELECT count(*) FROM platform.idempotency_keys WHERE program_id = :program AND key = :key")
			.param("program", programId.value())
			.param("key", key)
			.query(Long.class)
			.single() > 0));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
