package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transparency screen shows the calling member what their purchases put into the events budget. */
class BudgetContributionTests extends ApiTest {

	@Test
	void aMemberSeesTheirOwnContributionWithThePurchasesItCameFrom() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> http.get("/api/v1/admin/categories").bearer(admin).send().json().path("categories").size() == 9);
		String business = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(Map.of("name", "Рестолавка Лисичкино", "category_key", "gastronomy"))
			.send()
			.text("id");
		String key = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "till", "scopes", List.of("purchases:write")))
			.send()
			.text("secret");
		var member = fixtures.member(program);
		var purchase = http.post("/api/v1/purchases")
			.bearer(key)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("business_id", business, "member_id", member.path("user_id").asString(), "amount", "2500.00"))
			.send();
		assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);

		var screen = http.get("/api/v1/events/budget").bearer(member.path("access_token").asString()).send();
		assertThat(screen.status()).as(screen.toString()).isEqualTo(200);
		var mine = screen.json().path("my_contribution");
		assertThat(mine.path("total").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(mine.path("purchases")).hasSize(1);
		assertThat(mine.path("purchases").get(0).path("purchase_id").asString()).isEqualTo(purchase.text("purchase_id"));

		var adminScreen = http.get("/api/v1/events/budget").bearer(admin).send();
		assertThat(adminScreen.json().has("my_contribution")).as("staff have no own contribution").isFalse();
	}
}
