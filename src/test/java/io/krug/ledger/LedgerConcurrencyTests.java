package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Real races: threads released together by a latch, against one member's balance. */
class LedgerConcurrencyTests extends LedgerTestSupport {

	@Test
	void concurrentSpendsNeverTakeMoreThanTheAvailableBalance() throws Exception {
		UUID member = aMember();
		for (int i = 0; i < 10; i++) {
			earnAvailable(member, "100.00", aBusiness(), clock.instant().plus(Duration.ofDays(30 + i)));
		}
		PartyId bar = aBusiness();

		List<Optional<Posting>> results = race(200, () -> {
			try {
				return Optional.of(spend(member, "7.00", bar));
			}
			catch (KrugException rejected) {
				assertThat(rejected.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
				return Optional.empty();
			}
		});

		List<Posting> spent = results.stream().flatMap(Optional::stream).toList();
		assertThat(spent).hasSize(142);
		assertThat(spent).extracting(p -> p.balance().available())
			.as("each spend saw its own balance, never negative")
			.allSatisfy(available -> assertThat(available).isNotNegative())
			.doesNotHaveDuplicates();
		assertBalance(member, "6.00", "0.00");
		assertThat(account(LedgerAccount.settlement(bar))).isEqualByComparingTo(new BigDecimal("7.00").multiply(
				BigDecimal.valueOf(spent.size())));
		History history = as(() -> ledger.history(member, HistoryType.SPENT, 500, 0));
		assertThat(history.items()).extracting(History.Item::transactionId)
			.containsExactlyInAnyOrderElementsOf(spent.stream().map(Posting::transactionId).toList());
		assertThat(history.items()).allSatisfy(item -> assertThat(item.amount()).isEqualByComparingTo("-7.00"));
		assertLedgerOk();
	}

	@Test
	void concurrentRepeatsOfOneKeyPostOnce() throws Exception {
		UUID member = aMember();
		PartyId cafe = aBusiness();

		List<Posting> results = race(20,
				() -> earn(member, "50.00", cafe, clock.instant(), twelveMonthsFromNow(), "purchase-7:earn"));

		assertThat(results).extracting(Posting::transactionId).containsOnly(results.getFirst().transactionId());
		assertThat(results).filteredOn(p -> !p.replayed()).hasSize(1);
		assertBalance(member, "50.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void expiryRacingSpendsOfManyMembersKeepsTheBooksConsistent() throws Exception {
		List<UUID> members = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			UUID member = aMember();
			members.add(member);
			earnAvailable(member, "10.00", aBusiness(), clock.instant().plus(Duration.ofDays(1)));
			earnAvailable(member, "10.00", aBusiness(), clock.instant().plus(Duration.ofDays(60)));
		}
		clock.tick(Duration.ofDays(2));
		PartyId bar = aBusiness();

		List<Object> results = race(members.size() + 1, i -> {
			if (i == members.size()) {
				return as(() -> ledger.expire(clock.instant()));
			}
			try {
				return spend(members.get(i), "15.00", bar);
			}
			catch (KrugException rejected) {
				return rejected.error();
			}
		});

		for (int i = 0; i < members.size(); i++) {
			boolean spentFirst = results.get(i) instanceof Posting;
			assertThat(balance(members.get(i)).available())
				.as("spent 15 of 20 before the expiry, or found 10 left after it")
				.isEqualByComparingTo(spentFirst ? "5.00" : "10.00");
			if (!spentFirst) {
				assertThat(results.get(i)).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
			}
		}
		assertLedgerOk();
	}

	private static <T> List<T> race(int threads, Callable<T> work) throws Exception {
		return race(threads, i -> work.call());
	}

	/** Runs {@code work(i)} for i in [0, threads) on as many threads, all released at once; results in order of i. */
	private static <T> List<T> race(int threads, Task<T> work) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return work.call(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Task<T> {

		T call(int index) throws Exception;
	}
}
