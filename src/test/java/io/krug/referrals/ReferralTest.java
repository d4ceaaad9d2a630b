package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.ledger.LedgerApi;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Base of the referral tests: a fresh program with its categories, an admin, members who refer each other. */
abstract class ReferralTest extends ApiTest {

	@Autowired
	protected LedgerApi ledger;

	@Autowired
	protected PartnersApi partners;

	@Autowired
	protected ApplicationEventPublisher publisher;

	protected Program program;

	protected String admin;

	/** A registered member: id, token, referral code. */
	protected record Member(UUID id, String token, String phone) {
	}

	protected void club() {
		program = fixtures.program();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		admin = fixtures.adminToken(program);
	}

	protected Member member() {
		return member(Map.of());
	}

	/** Registers a member with extra fields, e.g. referral_code and device_fingerprint. */
	protected Member member(Map<String, ?> extra) {
		String phone = Fixtures.phone();
		JsonNode registered = fixtures.member(program, phone, extra);
		return new Member(UUID.fromString(registered.path("user_id").asString()),
				registered.path("access_token").asString(), phone);
	}

	/** A friend registering with {@code referrer}'s code. */
	protected Member friendOf(Member referrer) {
		return member(Map.of("referral_code", code(referrer)));
	}

	protected Member friendOf(Member referrer, String fingerprint) {
		return member(Map.of("referral_code", code(referrer), "device_fingerprint", fingerprint));
	}

	protected JsonNode page(Member member) {
		Http.Response page = http.get("/api/v1/users/me/referrals").bearer(member.token()).send();
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json();
	}

	protected String code(Member member) {
		return page(member).path("referral_code").asString();
	}

	/** Creates a campaign in force from now with the given rewards (and settings merged over the defaults). */
	protected UUID campaign(Map<String, ?> rewards, Map<String, ?> settings) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Приведи подругу");
		body.put("starts_at", clock.instant().minusSeconds(60).toString());
		body.put("rewards", rewards);
		body.putAll(settings);
		Http.Response created = http.post("/api/v1/admin/referral-campaigns").bearer(admin).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected UUID business() {
		Http.Response created = http.post("/api/v1/admin/businesses")
			.bearer(admin)
			.json(Map.of("name", "Salon " + UUID.randomUUID().toString().substring(0, 6), "category_key",
					"beauty_salon"))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	protected String purchase(UUID business, Member buyer, String amount) {
		Http.Response recorded = http.post("/api/v1/purchases")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("business_id", business, "member_id", buyer.id(), "amount", new BigDecimal(amount)))
			.send();
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		return recorded.text("purchase_id");
	}

	protected void refund(String purchaseId, String amount) {
		Http.Response refunded = http.post("/api/v1/purchases/" + purchaseId + "/refunds")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", new BigDecimal(amount)))
			.send();
		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
	}

	/** The member's referral rewards per trigger, net of reversals, straight from the table. */
	protected Map<String, BigDecimal> rewards(Member member) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT trigger, sum(amount - reversed) AS net FROM referrals.rewards WHERE member_id = :member
				GROUP BY trigger""")
			.param("member", member.id())
			.query((rs, n) -> Map.entry(rs.getString("trigger"), rs.getBigDecimal("net")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	protected long rewardCount(Member member, String trigger) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT count(*) FROM referrals.rewards WHERE member_id = :member AND trigger = :trigger""")
			.param("member", member.id())
			.param("trigger", trigger)
			.query(Long.class)
			.single());
	}

	protected BigDecimal available(Member member) {
		return inProgram(program, () -> ledger.balance(member.id()).available());
	}

	protected JsonNode rejected() {
		Http.Response list = http.get("/api/v1/admin/referrals?status=rejected").bearer(admin).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json();
	}

	protected void ledgerIsConsistent() {
		Http.Response check = http.get("/api/v1/admin/ledger/check").bearer(admin).send();
		assertThat(check.status()).as(check.toString()).isEqualTo(200);
		assertThat(check.json().path("ok").asBoolean()).as(check.body()).isTrue();
	}
}
