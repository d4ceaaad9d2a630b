package io.krug.rewards;

import static io.krug.rewards.RewardsTestSupport.balance;
import static io.krug.rewards.RewardsTestSupport.bundle;
import static io.krug.rewards.RewardsTestSupport.deposit;
import static io.krug.rewards.RewardsTestSupport.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class BundleApiTests extends ApiTest {

	@Autowired
	RewardsEventLog events;

	@Test
	void pricesBundlesFromBasePriceAndDiscountAndListsThemCheapestFirst() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String pro = bundle(http, admin, 10, 24, "180.00", "15.00");
		String starter = bundle(http, admin, 5, 24, "90.00", "10.00");
		var hidden = http.put("/api/v1/admin/bundles/" + pro)
			.bearer(admin)
			.json(Map.of("name", "Pro Bundle", "token_count", 10, "duration_hours", 24, "base_price", "180.00",
					"discount_percent", "15.00", "active", false))
			.send();
		assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);

		JsonNode forMembers = http.get("/api/v1/bundles?active_only=false")
			.bearer(fixtures.memberToken(program))
			.send()
			.json();
		JsonNode forAdmins = http.get("/api/v1/bundles?active_only=false").bearer(admin).send().json();

		assertThat(forMembers.path("total").asLong()).isEqualTo(1);
		JsonNode first = forMembers.path("items").get(0);
		assertThat(first.path("id").asString()).isEqualTo(starter);
		assertThat(first.path("total_price").decimalValue()).isEqualByComparingTo("81.00");
		assertThat(first.path("savings").decimalValue()).isEqualByComparingTo("9.00");
		assertThat(forAdmins.path("items")).hasSize(2);
		assertThat(forAdmins.path("items").get(1).path("total_price").decimalValue()).isEqualByComparingTo("153.00");
		var full = http.post("/api/v1/admin/bundles")
			.bearer(admin)
			.json(Map.of("name", "Free", "token_count", 1, "duration_hours", 1, "base_price", "10", "discount_percent",
					"100"))
			.send();
		assertThat(full.status()).isEqualTo(422);
	}

	@Test
	void purchaseDebitsTheCurrencyAndIssuesTheTokensInOneGo() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "100.00");
		String starter = bundle(http, admin, 5, 24, "90.00", "10.00");

		Http.Response bought = purchase(http, token, starter);

		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
		JsonNode sale = bought.json();
		assertThat(sale.path("tokens_generated").asInt()).isEqualTo(5);
		assertThat(sale.path("price").decimalValue()).isEqualByComparingTo("81.00");
		assertThat(sale.path("balance").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(sale.path("tokens").get(0).path("token").asString()).matches("krug_at_[A-Za-z0-9_-]{43}");
		assertThat(balance(http, token)).isEqualByComparingTo("19.00");
		assertThat(http.get("/api/v1/tokens").bearer(token).send().json().path("total").asLong()).isEqualTo(5);
		UUID memberId = UUID.fromString(member.path("user_id").asString());
		assertThat(events.of(BundlePurchased.class))
			.filteredOn(e -> e.purchaseId().toString().equals(sale.path("purchase_id").asString()))
			.singleElement()
			.satisfies(e -> assertThat(e.tokenCount()).isEqualTo(5));
		assertThat(events.of(AccessTokenIssued.class)).filteredOn(e -> e.memberId().equals(memberId)).hasSize(5);
	}

	@Test
	void aRetriedPurchaseBuysOnceAndGetsTheSameTokens() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "50.00");
		String bundle = bundle(http, admin, 2, 1, "20.00", "0");
		String key = UUID.randomUUID().toString();

		String path = "/api/v1/bundles/" + bundle + "/purchase";
		Http.Response first = http.post(path).bearer(token).idempotencyKey(key).send();
		Http.Response retry = http.post(path).bearer(token).idempotencyKey(key).send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.header("Idempotency-Replay")).contains("true");
		assertThat(retry.text("purchase_id")).isEqualTo(first.text("purchase_id"));
		assertThat(balance(http, token)).isEqualByComparingTo("30.00");
		assertThat(http.get("/api/v1/admin/members/" + member.path("user_id").asString() + "/tokens")
			.bearer(admin)
			.send()
			.json()
			.path("total")
			.asLong()).isEqualTo(2);
	}

	@Test
	void aShortBalanceIs402AndWritesNothing() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "80.99");
		String starter = bundle(http, admin, 5, 24, "90.00", "10.00");

		Http.Response refused = purchase(http, token, starter);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
		assertThat(refused.text("code")).isEqualTo("insufficient_currency");
		assertThat(refused.text("detail")).contains("80.99").contains("81.00");
		assertThat(balance(http, token)).isEqualByComparingTo("80.99");
		assertThat(http.get("/api/v1/tokens").bearer(token).send().json().path("total").asLong()).isZero();
		assertThat(purchase(http, token, UUID.randomUUID().toString()).status()).isEqualTo(404);
	}

	@Test
	void publishesCurrencyBalanceLowWhenADebitCrossesTheThreshold() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		UUID memberId = UUID.fromString(member.path("user_id").asString());
		String token = member.path("access_token").asString();
		deposit(http, admin, memberId.toString(), "30.00");
		String single = bundle(http, admin, 1, 1, "10.00", "0");

		purchase(http, token, single);
		assertThat(lows(memberId)).as("20 is not below 10").isEmpty();
		purchase(http, token, single);
		assertThat(lows(memberId)).as("10 is not below 10").isEmpty();
		purchase(http, token, single);
		assertThat(lows(memberId)).as("0 crossed below 10").singleElement()
			.satisfies(e -> assertThat(e.balance()).isEqualByComparingTo("0.00"));
	}

	@Test
	void concurrentPurchasesSucceedOnlyAsFarAsTheBalanceGoes() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "30.00");
		String bundle = bundle(http, admin, 2, 24, "10.00", "0");
		int buyers = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(buyers)) {
			for (int i = 0; i < buyers; i++) {
				statuses.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return purchase(http, token, bundle).status();
				}));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				results.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(s -> s == 201).hasSize(3);
			assertThat(results).filteredOn(s -> s == 402).hasSize(buyers - 3);
		}
		assertThat(balance(http, token)).isEqualByComparingTo("0.00");
		assertThat(http.get("/api/v1/tokens").bearer(token).send().json().path("total").asLong()).isEqualTo(6);
		assertThat(http.get("/api/v1/admin/ledger/check").bearer(admin).send().json().path("ok").asBoolean())
			.isTrue();
	}

	@Test
	void bundlesOnceBoughtAreDeactivatedNotDeleted() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		deposit(http, admin, member.path("user_id").asString(), "10.00");
		String bought = bundle(http, admin, 1, 1, "10.00", "0");
		String unsold = bundle(http, admin, 1, 1, "10.00", "0");
		purchase(http, member.path("access_token").asString(), bought);

		assertThat(http.delete("/api/v1/admin/bundles/" + bought).bearer(admin).send().status()).isEqualTo(409);
		assertThat(http.delete("/api/v1/admin/bundles/" + unsold).bearer(admin).send().status()).isEqualTo(204);
		assertThat(http.get("/api/v1/admin/bundles/" + unsold).bearer(admin).send().status()).isEqualTo(404);
	}

	private List<CurrencyBalanceLow> lows(UUID member) {
		return events.of(CurrencyBalanceLow.class).stream().filter(e -> e.memberId().equals(member)).toList();
	}
}
