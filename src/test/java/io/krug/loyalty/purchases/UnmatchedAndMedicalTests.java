package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.identity.MemberRegistered;
import io.krug.test.Fixtures;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class UnmatchedAndMedicalTests extends PurchaseTest {

	@Autowired
	ApplicationEventPublisher events;

	UUID salon;

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
	}

	@Test
	void aMedicalPurchaseKeepsNoDescriptionAnywhere() {
		UUID clinic = business("dentistry");
		UUID member = member();
		JsonNode recorded = purchase(Map.of("business_id", clinic, "member_id", member, "amount", amount("5000.00"),
				"description", "Удаление зуба мудрости"));
		assertThat(recorded.has("description")).isFalse();
		assertThat(recorded.path("category").asString()).isEqualTo("dentistry");
		assertThat(money(recorded, "bonuses_earned")).isEqualByComparingTo("375.00");

		JsonNode read = http.get("/api/v1/purchases/" + recorded.path("purchase_id").asString())
			.bearer(admin)
			.send()
			.json();
		assertThat(read.has("description")).isFalse();
		assertThat(storedDescriptions(recorded.path("purchase_id").asString())).containsOnlyNulls().hasSize(3);

		JsonNode medicalCategory = purchase(Map.of("business_id", salon, "member_id", member, "amount",
				amount("100.00"), "category", "medicine", "description", "Анализы"));
		assertThat(medicalCategory.has("description")).as("a medical category anywhere").isFalse();
		JsonNode manicure = purchase(Map.of("business_id", salon, "member_id", member, "amount", amount("100.00"),
				"description", "Маникюр"));
		assertThat(manicure.path("description").asString()).isEqualTo("Маникюр");
	}

	/** The purchase's description and its ledger transactions' (earn, events budget). */
	private java.util.List<String> storedDescriptions(String purchaseId) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT description FROM loyalty.purchases WHERE id = :id
				UNION ALL
				SELECT CASE WHEN reason = 'PURCHASE_EARN' THEN description END FROM ledger.transactions
				WHERE source_id = :id""")
			.param("id", UUID.fromString(purchaseId))
			.query(String.class)
			.list());
	}

	@Test
	void anUnknownPhonesPurchaseIsCreditedWhenThePhoneRegistersWithinTheClaimWindow() {
		String phone = Fixtures.phone();
		JsonNode unmatched = purchase(Map.of("business_id", salon, "phone", phone, "amount", amount("1000.00"),
				"description", "Маникюр"));
		String id = unmatched.path("purchase_id").asString();
		assertThat(unmatched.path("status").asString()).isEqualTo("unmatched");
		assertThat(money(unmatched, "bonuses_earned")).isEqualByComparingTo("0");
		assertThat(unmatched.has("member_id")).isFalse();
		assertThat(unmatched.has("balance")).isFalse();
		assertThat(money(unmatched, "events_budget")).as("the club's share is taken at once")
			.isEqualByComparingTo("20.00");
		var spending = post(admin, Map.of("business_id", salon, "phone", phone, "amount", amount("1000.00"),
				"spend_bonuses", amount("10")));
		assertThat(spending.text("code")).isEqualTo("insufficient_balance");

		clock.tick(Duration.ofDays(29));
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		admin = fixtures.adminToken(program);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> member.toString().equals(http.get("/api/v1/purchases/" + id).bearer(admin).send()
				.text("member_id")));
		JsonNode credited = http.get("/api/v1/purchases/" + id).bearer(admin).send().json();
		assertThat(credited.path("status").asString()).isEqualTo("recorded");
		assertThat(money(credited, "bonuses_earned")).as("insider, new category").isEqualByComparingTo("75.00");
		assertThat(inProgram(program, () -> ledger.balance(member)).available())
			.as("the return window has passed since the purchase").isEqualByComparingTo("75.00");
		assertThat(inProgram(program, () -> jdbc.sql("SELECT phone FROM loyalty.purchases WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.optional())).as("the phone is forgotten once matched").isEmpty();

		deliverAgain(new MemberRegistered(program.id(), member, phone, null, null, "self", clock.instant()));
		await().atMost(Duration.ofSeconds(20)).until(() -> completedDeliveries(member) == 2);
		assertThat(inProgram(program, () -> ledger.balance(member)).total()).as("credited once")
			.isEqualByComparingTo("75.00");
	}

	@Test
	void aPurchaseOlderThanTheClaimWindowStaysUnmatched() {
		String phone = Fixtures.phone();
		String id = purchase(Map.of("business_id", salon, "phone", phone, "amount", amount("1000.00")))
			.path("purchase_id")
			.asString();

		clock.tick(Duration.ofDays(31));
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		admin = fixtures.adminToken(program);

		await().atMost(Duration.ofSeconds(20)).until(() -> completedDeliveries(member) == 1);
		JsonNode still = http.get("/api/v1/purchases/" + id).bearer(admin).send().json();
		assertThat(still.path("status").asString()).isEqualTo("unmatched");
		assertThat(still.has("member_id")).isFalse();
		assertThat(inProgram(program, () -> ledger.balance(member)).total()).isEqualByComparingTo("0");
	}

	/** Publishes the event again as its publisher does: in a transaction of the event's program. */
	private void deliverAgain(MemberRegistered event) {
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		io.krug.platform.tenancy.TenantContext.run(event.programId(),
				() -> tx.executeWithoutResult(status -> events.publishEvent(event)));
	}

	private long completedDeliveries(UUID member) {
		return jdbc.sql("""
				SELECT count(*) FROM platform.event_publication
				WHERE listener_id = :listener AND serialized_event LIKE :member AND completion_date IS NOT NULL""")
			.param("listener", RegistrationListener.LISTENER_ID)
			.param("member", "%" + member + "%")
			.query(Long.class)
			.single();
	}
}
