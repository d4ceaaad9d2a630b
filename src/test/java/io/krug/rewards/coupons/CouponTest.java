package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.ledger.LedgerApi;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base of the coupon tests: a fresh program with its default categories and an admin, and helpers that go through
 * the real API.
 */
public abstract class CouponTest extends ApiTest {

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected PartnersApi partners;

	protected Program program;

	protected String admin;

	/** A fresh program whose default categories have arrived, and its admin. */
	protected void club() {
		program = fixtures.program();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		admin = fixtures.adminToken(program);
	}

	protected UUID business() {
		Http.Response created = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(Map.of("name", "Business " + UUID.randomUUID().toString().substring(0, 6), "category_key",
					"beauty_salon"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected String owner(UUID business) {
		return fixtures.staffToken(program, io.krug.identity.Role.BUSINESS_OWNER, business);
	}

	/** A registered member: id and access token. */
	protected Member member() {
		JsonNode registered = fixtures.member(program);
		return new Member(UUID.fromString(registered.path("user_id").asString()),
				registered.path("access_token").asString());
	}

	protected record Member(UUID id, String token) {
	}

	/** A campaign body: a fixed discount of 500 for everyone, valid from an hour ago for 30 days. */
	protected Map<String, Object> campaignBody(UUID business) {
		Map<String, Object> body = new HashMap<>();
		body.put("business_id", business);
		body.put("title", "Скидка 500 ₽");
		body.put("description", "На любую услугу");
		body.put("type", "discount");
		body.put("value", new BigDecimal("500.00"));
		body.put("valid_from", clock.instant().minus(Duration.ofHours(1)).toString());
		body.put("valid_until", clock.instant().plus(Duration.ofDays(30)).toString());
		return body;
	}

	protected Http.Response createCampaign(String token, Map<String, Object> body) {
		return http.post("/api/v1/admin/coupon-campaigns").bearer(token).json(body).send();
	}

	protected UUID campaign(Map<String, Object> body) {
		Http.Response created = createCampaign(admin, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected List<String> codes(UUID campaign, int count) {
		Http.Response made = http.post("/api/v1/admin/coupon-campaigns/" + campaign + "/codes")
			.bearer(admin)
			.json(Map.of("count", count))
			.send();
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		Http.Response list = http.get("/api/v1/admin/coupon-campaigns/" + campaign + "/codes?limit=10000")
			.bearer(admin)
			.send();
		return list.json().path("items").valueStream().map(JsonNode::asString).toList();
	}

	protected Http.Response issue(UUID campaign, List<UUID> members) {
		return http.post("/api/v1/admin/coupon-campaigns/" + campaign + "/issue")
			.bearer(admin)
			.json(Map.of("member_ids", members))
			.send();
	}

	/** The member's coupons as GET /api/v1/loyalty/coupons lists them. */
	protected JsonNode coupons(Member member) {
		Http.Response listed = http.get("/api/v1/loyalty/coupons").bearer(member.token()).send();
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json();
	}

	protected Http.Response redeem(String token, Map<String, ?> body) {
		return http.post("/api/v1/coupons/redeem")
			.bearer(token)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(body)
			.send();
	}

	protected Http.Response redeemWithPurchase(String code, UUID business, UUID member, String amount) {
		return redeem(admin, Map.of("code", code, "business_id", business, "member_id", member, "amount",
				new BigDecimal(amount)));
	}

	protected JsonNode purchase(UUID business, UUID member, String amount) {
		Http.Response recorded = http.post("/api/v1/purchases")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("business_id", business, "member_id", member, "amount", new BigDecimal(amount)))
			.send();
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		return recorded.json();
	}

	/** Waits until the rewards module has heard of the purchase (its listener runs after the purchase commits). */
	protected void awaitKnown(String purchaseId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> inProgram(program,
					() -> jdbc.sql("SELECT count(*) FROM rewards.known_purchases WHERE purchase_id = :id")
						.param("id", UUID.fromString(purchaseId))
						.query(Long.class)
						.single()) == 1);
	}

	protected JsonNode stats(UUID campaign) {
		Http.Response stats = http.get("/api/v1/admin/coupon-campaigns/" + campaign + "/stats").bearer(admin).send();
		assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
		return stats.json();
	}

	protected static Instant at(String instant) {
		return Instant.parse(instant);
	}
}
