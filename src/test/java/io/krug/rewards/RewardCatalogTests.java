package io.krug.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RewardCatalogTests extends ApiTest {

	@Test
	void membersRedeemItemsWithAvailableBonusesPaidToTheProvidingBusiness() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		bonuses(admin, member.path("user_id").asString(), "700.00");
		String item = item(admin, "Coffee for two", "500.00", 3, null);

		Http.Response redeemed = redeem(token, item);
		Http.Response tooPoor = redeem(token, item);

		assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
		assertThat(redeemed.text("code")).matches("[A-Z2-9]{8}");
		assertThat(redeemed.json().path("available_bonuses").decimalValue()).isEqualByComparingTo("200.00");
		assertThat(tooPoor.status()).isEqualTo(422);
		assertThat(tooPoor.text("code")).isEqualTo("insufficient_balance");
		JsonNode listed = http.get("/api/v1/rewards").bearer(token).send().json().path("items").get(0);
		assertThat(listed.path("stock").asInt()).as("the refused one took nothing").isEqualTo(2);
		assertThat(http.get("/api/v1/rewards/redemptions").bearer(token).send().json().path("total").asLong())
			.isEqualTo(1);
		String reason = inProgram(program, () -> jdbc
			.sql("SELECT reason FROM ledger.transactions WHERE source_id = :id")
			.param("id", UUID.fromString(redeemed.text("id")))
			.query(String.class)
			.single());
		assertThat(reason).isEqualTo("REWARD_REDEMPTION");
		assertThat(http.get("/api/v1/admin/ledger/check").bearer(admin).send().json().path("ok").asBoolean())
			.isTrue();
	}

	@Test
	void adminsManageTheCatalog() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String item = item(admin, "Spa day", "3000.00", null, null);
		Map<String, Object> change = new HashMap<>(Map.of("name", "Spa day", "price", "2500.00", "active", false));

		Http.Response changed = http.put("/api/v1/admin/rewards/" + item).bearer(admin).json(change).send();
		change.put("business_id", UUID.randomUUID().toString());
		Http.Response unknownBusiness = http.put("/api/v1/admin/rewards/" + item).bearer(admin).json(change).send();

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("available").asBoolean()).isFalse();
		assertThat(unknownBusiness.status()).isEqualTo(422);
		assertThat(unknownBusiness.text("code")).isEqualTo("unknown_business");
		assertThat(http.get("/api/v1/rewards").bearer(fixtures.memberToken(program)).send().json().path("total")
			.asLong()).as("inactive items are hidden from members").isZero();
		assertThat(redeem(fixtures.memberToken(program), item).status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/admin/rewards/" + item).bearer(admin).send().status()).isEqualTo(204);
	}

	@Test
	void fiftyConcurrentRedemptionsOfFiveInStockSellExactlyFive() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		bonuses(admin, member.path("user_id").asString(), "1000.00");
		String item = item(admin, "Concert ticket", "10.00", 5, null);
		int buyers = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(buyers)) {
			for (int i = 0; i < buyers; i++) {
				statuses.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return redeem(token, item).status();
				}));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				results.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(s -> s == 201).hasSize(5);
			assertThat(results).filteredOn(s -> s == 409).hasSize(45);
		}
		JsonNode listed = http.get("/api/v1/admin/rewards/" + item).bearer(admin).send().json();
		assertThat(listed.path("stock").asInt()).isZero();
		JsonNode balance = http.get("/api/v1/loyalty/balance").bearer(token).send().json();
		assertThat(balance.path("available_bonuses").decimalValue()).isEqualByComparingTo("950.00");
	}

	private void bonuses(String admin, String member, String amount) {
		Http.Response credit = http.post("/api/v1/admin/members/" + member + "/adjustments")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", amount, "reason", "Test bonuses"))
			.send();
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
	}

	private String item(String admin, String name, String price, Integer stock, String business) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "price", price));
		if (stock != null) {
			body.put("stock", stock);
		}
		if (business != null) {
			body.put("business_id", business);
		}
		Http.Response created = http.post("/api/v1/admin/rewards").bearer(admin).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("id");
	}

	private Http.Response redeem(String member, String item) {
		return http.post("/api/v1/rewards/" + item + "/redeem")
			.bearer(member)
			.idempotencyKey(UUID.randomUUID().toString())
			.send();
	}
}
