package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.ledger.LedgerAccount;
import io.krug.ledger.PartyId;
import io.krug.loyalty.status.MemberStatuses;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The set-based import path ({@link PurchaseImports}, ADR 0014) against the per-purchase pipeline: the same sales
 * give the same balances, lots, purchase rows, club shares and statuses; duplicates, unmatched phones that register
 * later, refunds of imported purchases, and what an import publishes.
 */
class PurchaseImportTests extends PurchaseTest {

	@Autowired
	PurchaseImports imports;

	@Autowired
	MemberStatuses statuses;

	UUID salon;

	UUID twin;

	Instant now;

	/** A sale of the test files: days ago, amount, category (null: the business's), external id. */
	record Sale(int daysAgo, String amount, String category, String externalId) {
	}

	static final List<Sale> SALES = List.of(new Sale(40, "250.10", null, "s-1"), new Sale(20, "1000.00", null, "s-2"),
			new Sale(12, "333.33", "cosmetology", "s-3"), new Sale(10, "1500.55", null, "s-4"),
			new Sale(3, "99.99", "cosmetology", "s-5"), new Sale(1, "12345.67", null, "s-6"),
			new Sale(1, "20000.00", "dentistry", "s-7"));

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
		twin = business("beauty_salon");
		now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		for (UUID business : List.of(salon, twin)) {
			Http.Response promo = http.post("/api/v1/admin/businesses/" + business + "/promotions")
				.bearer(admin)
				.json(Map.of("title", "Double", "bonus_multiplier", new BigDecimal("2"), "valid_from",
						now.minus(Duration.ofDays(11)).toString(), "valid_until", now.minus(Duration.ofDays(2)).toString()))
				.send();
			assertThat(promo.status()).as(promo.toString()).isEqualTo(201);
		}
	}

	@Test
	void importingGivesWhatThePipelineGivesForTheSameSales() {
		UUID piped = member();
		String phone = Fixtures.phone();
		UUID imported = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		for (Sale sale : SALES) {
			Map<String, Object> body = new HashMap<>(Map.of("business_id", salon, "member_id", piped, "amount",
					amount(sale.amount()), "occurred_at", at(sale).toString(), "external_id", sale.externalId(), "description", "Услуга"));
			if (sale.category() != null) {
				body.put("category", sale.category());
			}
			purchase(body);
		}

		PurchaseImports.Outcome outcome = record(twin, phone, SALES);
		inProgram(program, () -> {
			imports.recomputeStatuses(outcome.buyers());
			return null;
		});

		assertThat(outcome).isEqualTo(new PurchaseImports.Outcome(SALES.size(), 0, Set.of(imported)));
		var pipelineBalance = inProgram(program, () -> ledger.balance(piped));
		var importBalance = inProgram(program, () -> ledger.balance(imported));
		assertThat(importBalance.available()).isPositive().isEqualByComparingTo(pipelineBalance.available());
		assertThat(importBalance.pending()).isPositive().isEqualByComparingTo(pipelineBalance.pending());
		assertThat(lots(imported)).isEqualTo(lots(piped));
		assertThat(purchaseFigures(twin)).isEqualTo(purchaseFigures(salon));
		assertThat(purchaseFigures(twin)).extracting(f -> f.get(9)).as("a medical category keeps no description")
			.containsOnly("Услуга", "null");
		assertThat(purchaseFigures(twin)).extracting(f -> f.get(1)).as("earned: new category, promotion")
			.contains("25.00", "150.06", "10.00");
		for (var kind : List.of("settlement", "liability")) {
			assertThat(partyBalance(twin, kind)).as(kind).isNotZero().isEqualByComparingTo(partyBalance(salon, kind));
		}
		assertThat(inProgram(program, () -> statuses.current(imported)))
			.isEqualTo(inProgram(program, () -> statuses.current(piped)));
		assertThat(inProgram(program, () -> statuses.current(imported)).key()).as("35,529.64 in three categories")
			.isEqualTo("vip");
		ledgerIsConsistent();
	}

	@Test
	void reimportingTheSameSalesRecordsNothingTwice() {
		String phone = Fixtures.phone();
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		record(twin, phone, SALES.subList(0, 3));
		var balance = inProgram(program, () -> ledger.balance(member));

		PurchaseImports.Outcome again = record(twin, phone, SALES);

		assertThat(again).isEqualTo(new PurchaseImports.Outcome(SALES.size() - 3, 3, Set.of(member)));
		assertThat(record(twin, phone, SALES)).isEqualTo(new PurchaseImports.Outcome(0, SALES.size(), Set.of()));
		assertThat(purchaseFigures(twin)).hasSize(SALES.size());
		assertThat(inProgram(program, () -> ledger.balance(member)).total()).isGreaterThan(balance.total());
		ledgerIsConsistent();
	}

	@Test
	void anImportedUnmatchedPhoneIsCreditedWhenItRegisters() {
		String phone = Fixtures.phone();
		record(twin, phone, List.of(new Sale(1, "1000.00", null, "u-1")));
		JsonNode unmatched = purchaseOf(twin, "u-1");
		assertThat(unmatched.path("status").asString()).isEqualTo("unmatched");
		assertThat(money(unmatched, "events_budget")).isEqualByComparingTo("20.00");

		clock.tick(Duration.ofDays(1));
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		admin = fixtures.adminToken(program);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> member.toString().equals(purchaseOf(twin, "u-1").path("member_id").asString(null)));
		assertThat(money(purchaseOf(twin, "u-1"), "bonuses_earned")).as("insider, new category")
			.isEqualByComparingTo("75.00");
		assertThat(inProgram(program, () -> ledger.balance(member)).pending()).isEqualByComparingTo("75.00");
		ledgerIsConsistent();
	}

	@Test
	void refundsOfImportedPurchasesReverseEachPurchasesOwnBonuses() {
		String phone = Fixtures.phone();
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		record(twin, phone, List.of(new Sale(30, "1000.00", null, "r-1"), new Sale(20, "2000.00", null, "r-2")));
		assertThat(earnTransactions(member)).as("both due: one earn for the member's batch").isEqualTo(1);
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).as("75 + 100")
			.isEqualByComparingTo("175.00");

		Http.Response first = refund(admin, purchaseOf(twin, "r-1").path("purchase_id").asString(), "1000.00");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(money(first.json(), "bonuses_reversed")).isEqualByComparingTo("75.00");
		assertThat(money(first.json(), "events_budget_reversed")).isEqualByComparingTo("20.00");
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).isEqualByComparingTo("100.00");

		Http.Response second = refund(admin, purchaseOf(twin, "r-2").path("purchase_id").asString(), "500.00");
		assertThat(money(second.json(), "bonuses_reversed")).isEqualByComparingTo("25.00");
		assertThat(inProgram(program, () -> ledger.balance(member)).available()).isEqualByComparingTo("75.00");
		assertThat(purchaseOf(twin, "r-1").path("status").asString()).isEqualTo("refunded");
		ledgerIsConsistent();
	}

	@Test
	void aBatchPublishesOnePurchasesImportedForItsMembersPurchasesAndNoBonusesEarned() {
		UUID piped = member();
		String pipedId = purchase(salon, piped, "1000.00").path("purchase_id").asString();
		String phone = Fixtures.phone();
		UUID member = UUID.fromString(fixtures.member(program, phone).path("user_id").asString());
		record(twin, phone, List.of(new Sale(5, "1000.00", null, "e-1")));
		record(twin, Fixtures.phone(), List.of(new Sale(5, "1000.00", null, "e-2")));
		String matched = purchaseOf(twin, "e-1").path("purchase_id").asString();
		String unmatched = purchaseOf(twin, "e-2").path("purchase_id").asString();

		assertThat(publications("PurchaseRecorded", matched)).isZero();
		assertThat(publications("PurchasesImported", matched)).isEqualTo(1);
		assertThat(publications("PurchasesImported", unmatched)).isZero();
		assertThat(webhookEvents("purchase.recorded", matched)).as("the webhook as for any purchase").isEqualTo(1);
		assertThat(webhookEvents("purchase.recorded", unmatched)).isZero();
		assertThat(webhookEvents("bonuses.earned", pipedId)).isEqualTo(1);
		assertThat(webhookEvents("bonuses.earned", matched)).isZero();
		await().atMost(Duration.ofSeconds(20)).until(() -> knownToRewards(matched));
		await("the pipeline's message, rendered by the delivery worker").atMost(Duration.ofSeconds(20))
			.until(() -> bonusMessages(piped) > 0);
		assertThat(bonusMessages(member)).as("no 'bonuses earned' message for an imported purchase").isZero();
	}

	long webhookEvents(String type, String purchaseId) {
		return inProgram(program, () -> jdbc.sql(
				"SELECT count(*) FROM webhooks.events WHERE type = :type AND payload LIKE :purchase")
			.param("type", type)
			.param("purchase", "%" + purchaseId + "%")
			.query(Long.class)
			.single());
	}

	boolean knownToRewards(String purchaseId) {
		return inProgram(program, () -> jdbc.sql("SELECT count(*) FROM rewards.known_purchases WHERE purchase_id = :id")
			.param("id", UUID.fromString(purchaseId))
			.query(Long.class)
			.single()) == 1;
	}

	long bonusMessages(UUID member) {
		return inProgram(program, () -> jdbc.sql(
				"SELECT count(*) FROM notifications.messages WHERE member_id = :m AND type = 'bonuses_earned'")
			.param("m", member)
			.query(Long.class)
			.single());
	}

	PurchaseImports.Outcome record(UUID business, String phone, List<Sale> sales) {
		List<ImportedPurchase> purchases = new ArrayList<>();
		for (Sale sale : sales) {
			purchases.add(new ImportedPurchase(at(sale), phone, amount(sale.amount()), sale.category(), "Услуга",
					sale.externalId()));
		}
		return inProgram(program, () -> imports.record(UUID.randomUUID(), business, purchases, "import", "test"));
	}

	Instant at(Sale sale) {
		return now.minus(Duration.ofDays(sale.daysAgo()));
	}

	JsonNode purchaseOf(UUID business, String externalId) {
		Http.Response list = http.get("/api/v1/admin/purchases?limit=200&business_id=" + business).bearer(admin).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		for (JsonNode purchase : list.json().path("purchases")) {
			if (externalId.equals(purchase.path("external_id").asString(null))) {
				return purchase;
			}
		}
		throw new AssertionError("No purchase " + externalId + " in " + list.body());
	}

	/** Per lot state and expiry: the lots' sum; pending lots also by when they become available. */
	Map<String, BigDecimal> lots(UUID member) {
		Map<String, BigDecimal> sums = new HashMap<>();
		inProgram(program, () -> jdbc.sql("""
				SELECT state, expires_at, CASE WHEN state = 'PENDING' THEN available_at END AS due, remaining
				FROM ledger.lots WHERE member_id = :m""").param("m", member).query((rs, n) -> {
			sums.merge(rs.getString(1) + "|" + rs.getObject(2, java.time.OffsetDateTime.class).toInstant() + "|"
					+ rs.getObject(3, java.time.OffsetDateTime.class), rs.getBigDecimal(4), BigDecimal::add);
			return null;
		}).list());
		return sums;
	}

	/**
	 * Per purchase, by external id: earned, budget, commission, status, status before, pending until, amount,
	 * category, description. Not the status after: an imported purchase keeps the status it earned at (ADR 0014).
	 */
	List<List<String>> purchaseFigures(UUID business) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT external_id, bonuses_earned, events_budget, commission, status, status_before, pending_until,
				       amount, category, description
				FROM loyalty.purchases WHERE business_id = :b ORDER BY external_id""")
			.param("b", business)
			.query((rs, n) -> {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= 10; i++) {
					row.add(String.valueOf(rs.getObject(i)));
				}
				return row;
			})
			.list());
	}

	BigDecimal partyBalance(UUID business, String kind) {
		PartyId party = PartyId.business(business);
		return inProgram(program, () -> ledger.accountBalance(
				kind.equals("settlement") ? LedgerAccount.settlement(party) : LedgerAccount.liability(party)));
	}

	long earnTransactions(UUID member) {
		return inProgram(program, () -> jdbc.sql(
				"SELECT count(*) FROM ledger.transactions WHERE member_id = :m AND reason = 'PURCHASE_EARN'")
			.param("m", member)
			.query(Long.class)
			.single());
	}

	long publications(String type, String purchaseId) {
		return jdbc.sql("""
				SELECT count(*) FROM platform.event_publication
				WHERE event_type LIKE :type AND serialized_event LIKE :purchase""")
			.param("type", "%." + type)
			.param("purchase", "%" + purchaseId + "%")
			.query(Long.class)
			.single();
	}
}
