package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.ledger.LedgerApi;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base of the purchase tests: a fresh program with its default categories, an admin, and helpers that go through
 * the real API.
 */
abstract class PurchaseTest extends ApiTest {

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected PartnersApi partners;

	@Autowired
	protected LoyaltyRulesService rules;

	protected Program program;

	protected String admin;

	/** A fresh program whose nine default categories have arrived, and its admin. */
	protected void club() {
		program = fixtures.program();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		admin = fixtures.adminToken(program);
	}

	protected UUID business(String category) {
		return business(category, null);
	}

	protected UUID business(String category, LocalDate joinedAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Business " + UUID.randomUUID().toString().substring(0, 6));
		body.put("category_key", category);
		if (joinedAt != null) {
			body.put("joined_at", joinedAt.toString());
		}
		Http.Response created = http.post("/api/v1/admin/businesses").bearer(admin).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected void promotion(UUID business, String multiplier) {
		Http.Response created = http.post("/api/v1/admin/businesses/" + business + "/promotions")
			.bearer(admin)
			.json(Map.of("title", "Promo", "bonus_multiplier", new BigDecimal(multiplier), "valid_from",
					clock.instant().minusSeconds(3600).toString()))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	/** A registered member's id. */
	protected UUID member() {
		return UUID.fromString(fixtures.member(program).path("user_id").asString());
	}

	protected Http.Response post(String token, Map<String, ?> body) {
		return http.post("/api/v1/purchases")
			.bearer(token)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(body)
			.send();
	}

	/** Records a purchase as the admin and expects 201. */
	protected JsonNode purchase(Map<String, ?> body) {
		Http.Response response = post(admin, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	protected JsonNode purchase(UUID business, UUID member, String amount) {
		return purchase(Map.of("business_id", business, "member_id", member, "amount", new BigDecimal(amount)));
	}

	protected Http.Response refund(String token, String purchaseId, String amount) {
		return http.post("/api/v1/purchases/" + purchaseId + "/refunds")
			.bearer(token)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", new BigDecimal(amount)))
			.send();
	}

	protected void setRules(LoyaltyRules changed) {
		TenantContext.run(program.id(), () -> rules.update(changed, "test"));
	}

	protected LoyaltyRules withReturnWindow(int days) {
		LoyaltyRules r = LoyaltyRules.defaults();
		return new LoyaltyRules(r.cashback(), r.newCategoryMultiplier(), days, r.expiryMonths(), r.maxSpendShare(),
				r.eventsBudgetShare(), r.commissionRate(), r.commissionFreeMonths(), r.unmatchedClaimDays(),
				r.expiringSoonDays(), r.tiers());
	}

	protected void ledgerIsConsistent() {
		Http.Response check = http.get("/api/v1/admin/ledger/check").bearer(admin).send();
		assertThat(check.status()).as(check.toString()).isEqualTo(200);
		assertThat(check.json().path("ok").asBoolean()).as(check.body()).isTrue();
	}

	protected static BigDecimal money(JsonNode node, String field) {
		return node.path(field).decimalValue();
	}

	protected static BigDecimal amount(String value) {
		return new BigDecimal(value);
	}
}
