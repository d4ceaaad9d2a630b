package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AdjustCommand;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PurchaseRaceTests extends PurchaseTest {

	@Test
	void fiftyConcurrentPurchasesSpendingOneBalanceNeverTakeItBelowZero() throws Exception {
		club();
		UUID salon = business("beauty_salon");
		UUID member = member();
		inProgram(program, () -> ledger.adjust(new AdjustCommand(member, amount("1000.00"), "welcome", "test", null)));

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Response>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (int i = 0; i < 50; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return post(admin, Map.of("business_id", salon, "member_id", member, "amount",
							amount("1000.00"), "spend_bonuses", amount("100.00")));
				}));
			}
			start.countDown();
		}
		List<Http.Response> responses = new ArrayList<>();
		for (Future<Http.Response> call : calls) {
			responses.add(call.get());
		}

		List<Http.Response> recorded = responses.stream().filter(r -> r.status() == 201).toList();
		List<Http.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
		assertThat(recorded).hasSize(10);
		assertThat(refused).allSatisfy(r -> assertThat(r.text("code")).as(r.toString()).isEqualTo("insufficient_balance"));
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).isEqualByComparingTo("0");
		assertThat(recorded.stream().map(r -> money(r.json(), "bonuses_earned")))
			.as("exactly one purchase was the first in the category")
			.filteredOn(b -> b.compareTo(new BigDecimal("67.50")) == 0)
			.hasSize(1);
		ledgerIsConsistent();
	}

	@Test
	void concurrentRepeatsOfOneExternalIdRecordOnePurchase() throws Exception {
		club();
		UUID salon = business("beauty_salon");
		UUID member = member();

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Response>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (int i = 0; i < 10; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return post(admin, Map.of("business_id", salon, "member_id", member, "amount",
							amount("1000.00"), "external_id", "POS-1"));
				}));
			}
			start.countDown();
		}
		List<Http.Response> responses = new ArrayList<>();
		for (Future<Http.Response> call : calls) {
			responses.add(call.get());
		}

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
		assertThat(responses.stream().map(r -> r.text("purchase_id")).distinct()).hasSize(1);
		assertThat(inProgram(program, () -> ledger.balance(member)).pending()).as("earned once")
			.isEqualByComparingTo("75.00");
		ledgerIsConsistent();
	}
}
