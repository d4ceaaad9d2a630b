package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.krug.platform.Ids;
import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of earns, spends, refunds, restores, adjustments, releases and expiries over a few members and
 * businesses, checked against {@link LedgerModel} after every step and by the ledger's own invariant check at the
 * end. Each sequence runs in a fresh program; its seed is in every failure message (rerun one with
 * {@code -Dledger.seed=<seed>}).
 */
class LedgerPropertyTests extends LedgerTestSupport {

	private static final int SEQUENCES = 4;

	private static final int STEPS = 80;

	@Test
	void randomOperationSequencesKeepTheBooksBalancedAndMatchTheModel() {
		Long fixed = Long.getLong("ledger.seed");
		long[] seeds = fixed != null ? new long[] { fixed }
				: LongStream.concat(LongStream.of(1, 2, 3), LongStream.of(System.nanoTime())).limit(SEQUENCES).toArray();
		Map<String, Integer> done = new java.util.TreeMap<>();
		for (long seed : seeds) {
			if (seed != seeds[0]) {
				newProgram();
			}
			try {
				new Sequence(seed, done).run();
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("Sequence with seed " + seed + " failed: " + ex.getMessage(), ex);
			}
		}
		assertThat(done).as("every kind of step happened, accepted and rejected")
			.containsOnlyKeys("earn", "replay", "spend", "spend rejected", "refund", "refund rejected", "loss",
					"restore", "restore rejected", "credit", "debit", "debit rejected", "release", "expiry");
	}

	private final class Sequence {

		private final Random random;

		private final LedgerModel model = new LedgerModel();

		private final List<UUID> members = List.of(aMember(), aMember(), aMember());

		private final List<PartyId> businesses = List.of(aBusiness(), aBusiness(), aBusiness());

		private final Map<UUID, LedgerModel.Lot> earns = new HashMap<>();

		private final List<UUID> earnIds = new ArrayList<>();

		private final List<UUID> spendIds = new ArrayList<>();

		private final Map<String, UUID> keys = new HashMap<>();

		private final Map<String, Integer> done;

		private int lots;

		Sequence(long seed, Map<String, Integer> done) {
			this.random = new Random(seed);
			this.done = done;
		}

		private void count(String step) {
			done.merge(step, 1, Integer::sum);
		}

		void run() {
			for (int step = 0; step < STEPS; step++) {
				clock.tick(Duration.ofSeconds(1 + random.nextInt(600)));
				int dice = random.nextInt(100);
				if (dice < 30) {
					earnStep();
				}
				else if (dice < 55) {
					spendStep();
				}
				else if (dice < 65) {
					refundStep();
				}
				else if (dice < 75) {
					restoreStep();
				}
				else if (dice < 85) {
					adjustStep();
				}
				else {
					timeStep();
				}
			}
			for (UUID member : members) {
				assertBalance(member, model.available(member).toPlainString(), model.pending(member).toPlainString());
			}
			for (PartyId funder : parties()) {
				assertThat(account(LedgerAccount.liability(funder)).add(account(LedgerAccount.loss(funder))).negate())
					.as("what %s owes", funder)
					.isEqualByComparingTo(model.held(funder));
			}
			assertLedgerOk();
		}

		private void earnStep() {
			UUID member = pick(members);
			PartyId funder = pick(businesses);
			BigDecimal amount = amount(20000);
			Instant now = clock.instant();
			Instant availableAt = random.nextBoolean() ? now : now.plus(RETURN_WINDOW);
			// Distinct expiries (whole seconds apart, plus a lot counter in milliseconds) keep FIFO unambiguous.
			Instant expiresAt = now.plus(Duration.ofDays(20 + random.nextInt(380))).plusMillis(++lots);
			if (!keys.isEmpty() && random.nextInt(10) == 0) {
				String key = pick(new ArrayList<>(keys.keySet()));
				UUID earner = earns.get(keys.get(key)).member;
				Posting replayed = earn(earner, amount.toPlainString(), funder, availableAt, expiresAt, key);
				assertThat(replayed.replayed()).isTrue();
				assertThat(replayed.transactionId()).isEqualTo(keys.get(key));
				count("replay");
				return;
			}
			String key = "earn-" + lots;
			Posting posted = earn(member, amount.toPlainString(), funder, availableAt, expiresAt, key);
			keys.put(key, posted.transactionId());
			earns.put(posted.transactionId(), model.earn(member, funder, amount, availableAt, expiresAt, now));
			earnIds.add(posted.transactionId());
			assertMatches(member, posted.balance());
			count("earn");
		}

		private void spendStep() {
			UUID member = pick(members);
			BigDecimal amount = amount(15000);
			UUID spendId;
			try {
				Posting posted = spend(member, amount.toPlainString(), pick(businesses));
				spendId = posted.transactionId();
				assertMatchesAfter(member, posted.balance(), () -> model.spend(posted.transactionId(), member, amount));
			}
			catch (KrugException rejected) {
				assertThat(rejected.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
				assertThat(amount).isGreaterThan(model.available(member));
				count("spend rejected");
				return;
			}
			spendIds.add(spendId);
			count("spend");
		}

		private void refundStep() {
			if (earnIds.isEmpty()) {
				return;
			}
			UUID earnId = pick(earnIds);
			LedgerModel.Lot lot = earns.get(earnId);
			BigDecimal left = lot.amount.subtract(lot.reversed);
			BigDecimal amount = random.nextInt(5) == 0 ? left.add(new BigDecimal("0.01"))
					: left.signum() == 0 ? new BigDecimal("0.01") : partOf(left);
			try {
				Reversal reversal = refund(earnId, amount.toPlainString(), null);
				LedgerModel.Breakdown expected = model.reverse(lot, amount);
				assertThat(expected).as("the model rejects reversing %s of %s", amount, lot.amount).isNotNull();
				assertThat(new LedgerModel.Breakdown(reversal.fromLot(), reversal.fromBalance(), reversal.loss()))
					.isEqualTo(expected);
				assertMatches(lot.member, reversal.balance());
				count(reversal.loss().signum() > 0 ? "loss" : "refund");
			}
			catch (KrugException rejected) {
				assertThat(rejected.error()).isEqualTo(LedgerError.REVERSAL_EXCEEDS_ORIGINAL);
				assertThat(lot.reversed.add(amount)).isGreaterThan(lot.amount);
				count("refund rejected");
			}
		}

		private void restoreStep() {
			if (spendIds.isEmpty()) {
				return;
			}
			UUID spendId = pick(spendIds);
			BigDecimal left = model.restorable(spendId);
			BigDecimal amount = random.nextInt(5) == 0 ? left.add(new BigDecimal("0.01"))
					: left.signum() == 0 ? new BigDecimal("0.01") : partOf(left);
			UUID member = model.spends.get(spendId).member();
			try {
				Posting posted = as(() -> ledger.restoreSpend(new RestoreSpendCommand(spendId, amount,
						Source.refund(Ids.newId()), null, "system", null)));
				assertMatchesAfter(member, posted.balance(), () -> model.restore(spendId, amount));
				count("restore");
			}
			catch (KrugException rejected) {
				assertThat(rejected.error()).isEqualTo(LedgerError.REVERSAL_EXCEEDS_ORIGINAL);
				assertThat(amount).isGreaterThan(left);
				count("restore rejected");
			}
		}

		private void adjustStep() {
			UUID member = pick(members);
			BigDecimal amount = amount(10000);
			if (random.nextBoolean()) {
				Posting posted = adjust(member, amount.toPlainString(), "Random credit");
				model.earn(member, club(), amount, clock.instant(), twelveMonthsFromNow(), clock.instant());
				assertMatches(member, posted.balance());
				count("credit");
				return;
			}
			try {
				Posting posted = adjust(member, amount.negate().toPlainString(), "Random debit");
				assertMatchesAfter(member, posted.balance(), () -> model.debit(member, amount));
				count("debit");
			}
			catch (KrugException rejected) {
				assertThat(rejected.error()).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
				assertThat(amount).isGreaterThan(model.available(member));
				count("debit rejected");
			}
		}

		private void timeStep() {
			clock.tick(Duration.ofDays(1 + random.nextInt(60)));
			Instant now = clock.instant();
			if (as(() -> ledger.releasePending(now)).lots() > 0) {
				count("release");
			}
			model.release(now);
			if (as(() -> ledger.expire(now)).lots() > 0) {
				count("expiry");
			}
			model.expire(now);
		}

		private void assertMatchesAfter(UUID member, MemberBalance actual, java.util.function.BooleanSupplier change) {
			if (!change.getAsBoolean()) {
				fail("The ledger accepted what the model rejects");
			}
			assertMatches(member, actual);
		}

		private void assertMatches(UUID member, MemberBalance actual) {
			assertThat(actual.available()).as("available").isEqualByComparingTo(model.available(member)).isNotNegative();
			assertThat(actual.pending()).as("pending").isEqualByComparingTo(model.pending(member)).isNotNegative();
		}

		private List<PartyId> parties() {
			List<PartyId> parties = new ArrayList<>(businesses);
			parties.add(club());
			return parties;
		}

		private BigDecimal amount(int maxCents) {
			return BigDecimal.valueOf(1 + random.nextInt(maxCents), 2);
		}

		private BigDecimal partOf(BigDecimal whole) {
			long cents = whole.unscaledValue().longValueExact();
			return BigDecimal.valueOf(1 + (long) (random.nextDouble() * cents), 2).min(whole);
		}

		private <T> T pick(List<T> items) {
			return items.get(random.nextInt(items.size()));
		}
	}
}
