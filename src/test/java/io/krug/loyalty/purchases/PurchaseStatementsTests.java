package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AdjustCommand;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How many SQL statements one purchase costs, counted at the JDBC proxy (the benchmark's goal is 8). Once the business
 * and its promotions are cached, the API key authenticated and the member's status figures current (after a first
 * purchase): in process, the transaction's tenant setting, member, context, the earn with the events budget, purchase
 * row and the status upsert (6); over HTTP, the idempotency key's claim and completion join that transaction (8).
 * Other modules' listeners add one statement each before the commit (rewards' known purchase, the webhook log, the
 * pending "bonuses earned" notification): 11 in all; a member who was not referred costs the referrals module none.
 */
class PurchaseStatementsTests extends PurchaseTest {

	private static final Logger log = LoggerFactory.getLogger(PurchaseStatementsTests.class);

	@Autowired
	DataSource dataSource;

	@Autowired
	Purchases purchases;

	UUID salon;

	UUID member;

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
		member = member();
		purchase(salon, member, "100.00");
		inProgram(program, () -> ledger.adjust(new AdjustCommand(member, amount("500.00"), "welcome", "test", null)));
	}

	List<String> statements(Customer customer, String spend) {
		List<String> statements = new ArrayList<>();
		var command = new RecordPurchase(salon, customer, amount("1000.00"), null, "Маникюр", null, null,
				new BigDecimal(spend), false, null, "manual", "test");
		Recorded recorded = StatementCounter.record(dataSource,
				() -> io.krug.platform.tenancy.TenantContext.call(program.id(), () -> purchases.record(command)),
				statements);
		assertThat(recorded.created()).isTrue();
		return statements;
	}

	@Test
	void aMatchedPurchaseWithoutSpendingStaysWithinItsStatementBudget() {
		List<String> statements = statements(new Customer.ByMember(member), "0");
		log.info("Matched purchase without spending: {} statements:\n{}", statements.size(),
				String.join("\n", statements));
		List<String> path = upTo(statements, "INSERT INTO loyalty.member_status ");
		assertThat(path).as(String.join("\n", path)).hasSize(6);
		assertThat(statements).as("the status comes from the stored figures").noneMatch(PurchaseStatementsTests::rereads);
	}

	@Test
	void spendingAddsTheLedgersThreeStatements() {
		List<String> plain = upTo(statements(new Customer.ByMember(member), "0"), "INSERT INTO loyalty.member_status ");
		List<String> spending = upTo(statements(new Customer.ByMember(member), "100.00"),
				"INSERT INTO loyalty.member_status ");
		log.info("Matched purchase with spending: {} statements:\n{}", spending.size(), String.join("\n", spending));
		assertThat(spending).hasSize(plain.size() + 3);
	}

	@Test
	void anUnmatchedPurchaseCostsFewer() {
		List<String> statements = statements(new Customer.ByPhone(Fixtures.phone()), "0");
		log.info("Unmatched purchase: {} statements:\n{}", statements.size(), String.join("\n", statements));
		List<String> path = upTo(statements, "INSERT INTO loyalty.purchases ");
		assertThat(path).as(String.join("\n", path)).hasSize(5);
	}

	@Test
	void anHttpPurchaseStaysWithinItsStatementBudget() {
		String key = apiKey();
		assertThat(httpPurchase(key).status()).isEqualTo(201);
		List<String> statements = new ArrayList<>();
		Http.Response response = StatementCounter.recordRequests(dataSource, () -> httpPurchase(key), statements);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		log.info("HTTP purchase: {} statements:\n{}", statements.size(), String.join("\n", statements));
		List<String> path = upTo(statements, "UPDATE platform.idempotency_keys ");
		assertThat(path).as(String.join("\n", path)).hasSize(8);
		assertThat(statements).as("with the listeners: " + String.join("\n", statements)).hasSize(11);
		assertThat(statements).as("no asynchronous listener needs the purchase")
			.noneMatch(s -> s.contains("EVENT_PUBLICATION"));
		assertThat(statements).filteredOn(s -> s.startsWith("SELECT set_config")).as("one transaction").hasSize(1);
		assertThat(statements).as("the status comes from the stored figures").noneMatch(PurchaseStatementsTests::rereads);
	}

	private String apiKey() {
		Http.Response created = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "POS", "scopes", List.of("purchases:write")))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("secret");
	}

	private Http.Response httpPurchase(String key) {
		return post(key, Map.of("business_id", salon, "member_id", member, "amount", amount("1000.00")));
	}

	/** Whether the statement reads the member's purchase history, as a status recomputation does. */
	private static boolean rereads(String statement) {
		return statement.startsWith("SELECT category,") && statement.contains("FROM loyalty.purchases");
	}

	/**
	 * The statements up to and including the first that starts with {@code last}, without those of other modules'
	 * listeners of the purchase's events (referrals, rewards, notifications, webhooks, and the rows Spring Modulith
	 * writes for asynchronous listeners): the listeners' cost, not the pipeline's; the log above shows everything.
	 */
	private static final Pattern LISTENERS = Pattern
		.compile("platform\\.EVENT_PUBLICATION|\\b(referrals|rewards|notifications|webhooks)\\.");

	private static List<String> upTo(List<String> statements, String last) {
		int end = statements.indexOf(statements.stream().filter(s -> s.startsWith(last)).findFirst().orElseThrow());
		return statements.subList(0, end + 1)
			.stream()
			.filter(s -> !LISTENERS.matcher(s).find())
			.toList();
	}
}
