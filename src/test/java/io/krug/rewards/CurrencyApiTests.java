package io.krug.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CurrencyApiTests extends ApiTest {

	@Test
	void programsStartWithSeedDefaultsAndAdminsChangeThem() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);

		JsonNode defaults = http.get("/api/v1/admin/currency").bearer(admin).send().json();
		assertThat(defaults.path("code").asString()).isEqualTo("ZNC");
		assertThat(defaults.path("low_balance_threshold").decimalValue()).isEqualByComparingTo("10");
		assertThat(defaults.path("token_prices")).hasSize(5);

		var saved = http.put("/api/v1/admin/currency")
			.bearer(admin)
			.json(Map.of("name", "Zinc", "code", "ZNC", "low_balance_threshold", "25.00", "token_prices",
					List.of(Map.of("duration_hours", 24, "price", "20.00"))))
			.send();
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode now = http.get("/api/v1/admin/currency").bearer(admin).send().json();
		assertThat(now.path("low_balance_threshold").decimalValue()).isEqualByComparingTo("25");
		assertThat(now.path("token_prices")).hasSize(1);

		var badDuration = http.put("/api/v1/admin/currency")
			.bearer(admin)
			.json(Map.of("name", "Zinc", "code", "ZNC", "low_balance_threshold", "1.00", "token_prices",
					List.of(Map.of("duration_hours", 5, "price", "20.00"))))
			.send();
		assertThat(badDuration.status()).isEqualTo(422);
		assertThat(badDuration.text("code")).isEqualTo("validation_failed");
		assertThat(http.get("/api/v1/admin/currency").bearer(fixtures.memberToken(program)).send().status())
			.isEqualTo(403);
	}

	@Test
	void adminsDepositOnceAndTheMemberSeesBalanceAndHistory() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String memberId = member.path("user_id").asString();
		String key = UUID.randomUUID().toString();

		var first = deposit(admin, memberId, "100.00", key);
		var retry = deposit(admin, memberId, "100.00", key);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("balance").decimalValue()).isEqualByComparingTo("100");
		assertThat(retry.header("Idempotency-Replay")).contains("true");
		assertThat(deposit(admin, memberId, "20.50", UUID.randomUUID().toString()).status()).isEqualTo(201);

		JsonNode wallet = http.get("/api/v1/users/me/wallet")
			.bearer(member.path("access_token").asString())
			.send()
			.json();
		assertThat(wallet.path("balance").decimalValue()).isEqualByComparingTo("120.50");
		assertThat(wallet.path("currency").asString()).isEqualTo("ZNC");
		assertThat(wallet.path("total").asLong()).isEqualTo(2);
		assertThat(wallet.path("items").get(0).path("amount").decimalValue()).isEqualByComparingTo("20.50");
		assertThat(wallet.path("items").get(0).path("type").asString()).isEqualTo("deposit");
		assertThat(http.get("/api/v1/admin/ledger/check").bearer(admin).send().json().path("ok").asBoolean())
			.isTrue();
	}

	@Test
	void rejectsDepositsToUnknownMembersAndBadAmounts() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String memberId = fixtures.member(program).path("user_id").asString();

		var unknown = deposit(admin, UUID.randomUUID().toString(), "10.00", UUID.randomUUID().toString());
		var negative = deposit(admin, memberId, "-5.00", UUID.randomUUID().toString());
		var fractional = deposit(admin, memberId, "1.005", UUID.randomUUID().toString());
		var noKey = http.post("/api/v1/admin/members/" + memberId + "/currency-deposits")
			.bearer(admin)
			.json(Map.of("amount", "1.00"))
			.send();

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text("code")).isEqualTo("member_not_found");
		assertThat(negative.status()).isEqualTo(422);
		assertThat(fractional.status()).isEqualTo(422);
		assertThat(noKey.status()).isEqualTo(400);
	}

	private io.krug.test.Http.Response deposit(String admin, String member, String amount, String key) {
		return http.post("/api/v1/admin/members/" + member + "/currency-deposits")
			.bearer(admin)
			.idempotencyKey(key)
			.json(Map.of("amount", amount, "note", "Welcome gift"))
			.send();
	}
}
