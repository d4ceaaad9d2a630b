package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.AdjustCommand;
import io.krug.test.Fixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How many SQL statements one purchase costs (the benchmark's goal is 8), counted at the JDBC proxy: the pipeline's
 * own (tenant setting, business, member, context, promotion, earn, events budget, purchase row) and, after the
 * purchase row, the status recomputation's, which the status module owns.
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
		List<String> pipeline = pipeline(statements);
		assertThat(pipeline).as(String.join("\n", pipeline)).hasSize(8);
		assertThat(statements.size()).as("the status recomputation follows").isGreaterThan(pipeline.size());
	}

	@Test
	void spendingAddsTheLedgersThreeStatements() {
		List<String> plain = pipeline(statements(new Customer.ByMember(member), "0"));
		List<String> spending = pipeline(statements(new Customer.ByMember(member), "100.00"));
		log.info("Matched purchase with spending: {} pipeline statements:\n{}", spending.size(),
				String.join("\n", spending));
		assertThat(spending).hasSize(plain.size() + 3);
	}

	@Test
	void anUnmatchedPurchaseCostsFewer() {
		List<String> statements = statements(new Customer.ByPhone(Fixtures.phone()), "0");
		log.info("Unmatched purchase: {} statements:\n{}", statements.size(), String.join("\n", statements));
		// one publication row per listener of the purchase's events is outside the pipeline's budget
		List<String> own = statements.stream()
			.filter(s -> !s.startsWith("INSERT INTO platform.EVENT_PUBLICATION"))
			.toList();
		assertThat(own).as(String.join("\n", own)).hasSize(7);
	}

	/** The statements of the purchase pipeline itself: up to its insert; the status recomputation's come after. */
	private static List<String> pipeline(List<String> statements) {
		int insert = statements.indexOf(statements.stream()
			.filter(s -> s.startsWith("INSERT INTO loyalty.purchases "))
			.findFirst()
			.orElseThrow());
		return statements.subList(0, insert + 1);
	}
}
