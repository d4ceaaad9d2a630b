package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.web.KrugException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The currency wallet: credits and debits against the club's currency accounts, never below zero. */
class LedgerCurrencyTests extends LedgerTestSupport {

	@Test
	void creditsAndDebitsMoveTheClubsCurrencyAccountsAndKeepTheBooksBalanced() {
		UUID member = aMember();

		CurrencyMove credit = as(() -> ledger.creditCurrency(command(member, "100.00", SourceType.DEPOSIT, null)));
		CurrencyMove debit = as(() -> ledger.debitCurrency(command(member, "81.00", SourceType.BUNDLE, null)));

		assertThat(credit.balance()).isEqualByComparingTo("100.00");
		assertThat(debit.previousBalance()).isEqualByComparingTo("100.00");
		assertThat(debit.balance()).isEqualByComparingTo("19.00");
		assertThat(account(new LedgerAccount(AccountKind.CURRENCY_ISSUED, program.value())))
			.isEqualByComparingTo("-100.00");
		assertThat(account(new LedgerAccount(AccountKind.CURRENCY_REVENUE, program.value())))
			.isEqualByComparingTo("81.00");
		assertThat(as(() -> ledger.currencyHistory(member, 10, 0)).items()).extracting(CurrencyHistory.Item::amount)
			.usingElementComparator(java.math.BigDecimal::compareTo)
			.containsExactly(pts("-81.00"), pts("100.00"));
		assertThat(balance(member).total()).as("bonuses untouched").isEqualByComparingTo("0");
		assertLedgerOk();
	}

	@Test
	void aShortDebitWritesNothingAndARepeatedKeyMovesOnce() {
		UUID member = aMember();
		as(() -> ledger.creditCurrency(command(member, "10.00", SourceType.DEPOSIT, "pay-1")));

		CurrencyMove replay = as(() -> ledger.creditCurrency(command(member, "10.00", SourceType.DEPOSIT, "pay-1")));
		assertRejected(() -> as(() -> ledger.debitCurrency(command(member, "10.01", SourceType.BUNDLE, null))),
				LedgerError.INSUFFICIENT_CURRENCY);
		assertRejected(() -> as(() -> ledger.creditCurrency(command(aMember(), "10.00", SourceType.DEPOSIT, "pay-1"))),
				LedgerError.IDEMPOTENCY_KEY_MISMATCH);

		assertThat(replay.replayed()).isTrue();
		assertThat(as(() -> ledger.currencyBalance(member))).isEqualByComparingTo("10.00");
		assertThat(as(() -> ledger.currencyHistory(member, 10, 0)).total()).isEqualTo(1);
		assertLedgerOk();
	}

	@Test
	void concurrentDebitsNeverTakeTheBalanceBelowZero() throws Exception {
		UUID member = aMember();
		as(() -> ledger.creditCurrency(command(member, "100.00", SourceType.DEPOSIT, null)));
		int threads = 40;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						as(() -> ledger.debitCurrency(command(member, "7.00", SourceType.ACCESS_TOKEN, null)));
						return true;
					}
					catch (KrugException rejected) {
						assertThat(rejected.error()).isEqualTo(LedgerError.INSUFFICIENT_CURRENCY);
						return false;
					}
				}));
			}
			start.countDown();
			long debited = 0;
			for (Future<Boolean> result : results) {
				debited += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(debited).isEqualTo(14);
		}
		assertThat(as(() -> ledger.currencyBalance(member))).isEqualByComparingTo("2.00");
		assertLedgerOk();
	}

	private static CurrencyCommand command(UUID member, String amount, SourceType source, @Nullable String key) {
		return new CurrencyCommand(member, pts(amount), Source.of(source, UUID.randomUUID()), "test", "test", key);
	}
}
