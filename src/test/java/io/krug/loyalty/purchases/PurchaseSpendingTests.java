package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AdjustCommand;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PurchaseSpendingTests extends PurchaseTest {

	UUID salon;

	UUID member;

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
		member = member();
		purchase(salon, member, "1.00"); // earns 0.075 → 0.08 pending; later purchases are not new here
		inProgram(program, () -> ledger.adjust(new AdjustCommand(member, amount("500.00"), "welcome", "test", null)));
	}

	@Test
	void bonusesPayPartOfTheCheckAndEarnOnlyOnTheRest() {
		JsonNode paid = purchase(Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00"),
				"spend_bonuses", amount("300.00")));
		assertThat(money(paid, "bonuses_spent")).isEqualByComparingTo("300.00");
		assertThat(money(paid, "bonuses_earned")).as("(1000 − 300) × 5%%").isEqualByComparingTo("35.00");
		assertThat(money(paid.path("balance"), "available")).isEqualByComparingTo("200.00");
		assertThat(money(paid.path("balance"), "pending")).isEqualByComparingTo("35.08");
	}

	@Test
	void rejectsSpendingMoreThanTheShareOfTheCheck() {
		var tooMuch = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("333.33"),
				"spend_bonuses", amount("100.00")));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.text("code")).isEqualTo("spend_exceeds_share");
		assertThat(money(tooMuch.json(), "max_spend_bonuses")).isEqualByComparingTo("99.99");
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).isEqualByComparingTo("500.00");

		var atTheLimit = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("333.33"),
				"spend_bonuses", amount("99.99")));
		assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
	}

	@Test
	void rejectsSpendingMoreThanIsAvailableAndRecordsNothing() {
		var broke = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("5000.00"),
				"spend_bonuses", amount("500.01")));
		assertThat(broke.status()).isEqualTo(422);
		assertThat(broke.text("code")).isEqualTo("insufficient_balance");
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).isEqualByComparingTo("500.00");
		var list = http.get("/api/v1/admin/purchases?member_id=" + member).bearer(admin).send();
		assertThat(list.json().path("total").asLong()).as("only the setup purchase").isEqualTo(1);
	}

	@Test
	void aRepeatedExternalIdReturnsTheSamePurchase() {
		Map<String, Object> body = Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00"),
				"external_id", "POS-42");
		var first = post(admin, body);
		assertThat(first.status()).isEqualTo(201);
		var again = post(admin, Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00"),
				"external_id", "POS-42", "description", "sent twice by the POS"));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.text("purchase_id")).isEqualTo(first.text("purchase_id"));
		assertThat(money(again.json(), "bonuses_earned")).isEqualByComparingTo(money(first.json(), "bonuses_earned"));
		assertThat(money(again.json().path("balance"), "total")).isEqualByComparingTo("550.08");

		UUID other = business("beauty_salon");
		var elsewhere = post(admin, Map.of("business_id", other, "member_id", member, "amount", amount("10.00"),
				"external_id", "POS-42"));
		assertThat(elsewhere.status()).as("external ids are per business").isEqualTo(201);
	}

	@Test
	void anIdempotencyKeyReplaysTheFirstAnswer() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00"),
				"spend_bonuses", amount("100.00"));
		var first = http.post("/api/v1/purchases").bearer(admin).idempotencyKey(key).json(body).send();
		var replay = http.post("/api/v1/purchases").bearer(admin).idempotencyKey(key).json(body).send();
		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotency-Replay")).contains("true");
		assertThat(replay.text("purchase_id")).isEqualTo(first.text("purchase_id"));
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).as("spent once")
			.isEqualByComparingTo("400.00");

		var reused = http.post("/api/v1/purchases")
			.bearer(admin)
			.idempotencyKey(key)
			.json(Map.of("business_id", salon, "member_id", member, "amount", amount("2000.00")))
			.send();
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.text("code")).isEqualTo("idempotency_key_reused");
		var missing = http.post("/api/v1/purchases").bearer(admin).json(body).send();
		assertThat(missing.status()).isEqualTo(400);
	}
}
