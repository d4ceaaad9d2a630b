package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Idempotency, the invariant check, what the database itself refuses, and how few statements the hot path takes. */
class LedgerIntegrityTests extends LedgerTestSupport {

	@Autowired
	@Qualifier("ownerDataSource")
	DataSource ownerDataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void replaysAnIdempotencyKeyInsteadOfPostingTwice() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		Posting first = earn(member, "100.00", cafe, clock.instant(), twelveMonthsFromNow(), "purchase-1:earn");
		Posting again = earn(member, "100.00", cafe, clock.instant(), twelveMonthsFromNow(), "purchase-1:earn");

		assertThat(again.transactionId()).isEqualTo(first.transactionId());
		assertThat(again.replayed()).isTrue();
		assertBalance(member, "100.00", "0.00");

		Posting spent = spend(member, "80.00", aBusiness(), "purchase-2:spend");
		Posting spentAgain = spend(member, "80.00", aBusiness(), "purchase-2:spend");
		assertThat(spentAgain.transactionId()).isEqualTo(spent.transactionId());
		assertThat(spentAgain.replayed()).as("replayed although 80.00 are no longer available").isTrue();
		assertBalance(member, "20.00", "0.00");

		Reversal refunded = refund(first.transactionId(), "90.00", "refund-1");
		Reversal refundedAgain = refund(first.transactionId(), "90.00", "refund-1");
		assertThat(refundedAgain).isEqualTo(new Reversal(refunded.transactionId(), refunded.createdAt(), true,
				refunded.fromLot(), refunded.fromBalance(), refunded.loss(), refunded.balance()));
		assertThat(refunded.loss()).isEqualByComparingTo("70.00");

		assertThat(as(() -> ledger.history(member, null, 10, 0)).total()).isEqualTo(3);
		assertLedgerOk();
	}

	@Test
	void rejectsAKeyReusedForAnotherOperation() {
		UUID member = aMember();
		earn(member, "100.00", aBusiness(), clock.instant(), twelveMonthsFromNow(), "key-1");

		assertRejected(() -> spend(member, "10.00", aBusiness(), "key-1"), LedgerError.IDEMPOTENCY_KEY_MISMATCH);
		assertRejected(() -> earn(aMember(), "100.00", aBusiness(), clock.instant(), twelveMonthsFromNow(), "key-1"),
				LedgerError.IDEMPOTENCY_KEY_MISMATCH);
		Posting other = earnAvailable(member, "10.00", aBusiness());
		Posting first = earn(member, "5.00", aBusiness(), clock.instant(), twelveMonthsFromNow(), null);
		refund(first.transactionId(), "1.00", "refund-key");
		assertRejected(() -> refund(other.transactionId(), "1.00", "refund-key"), LedgerError.IDEMPOTENCY_KEY_MISMATCH);
		assertBalance(member, "114.00", "0.00");
	}

	@Test
	void aRejectedSpendLeavesItsKeyFree() {
		UUID member = aMember();
		earnAvailable(member, "10.00", aBusiness());

		assertRejected(() -> spend(member, "20.00", aBusiness(), "spend-1"), LedgerError.INSUFFICIENT_BALANCE);
		earnAvailable(member, "10.00", aBusiness());
		Posting spent = spend(member, "20.00", aBusiness(), "spend-1");

		assertThat(spent.replayed()).isFalse();
		assertBalance(member, "0.00", "0.00");
	}

	@Test
	void checkPassesOnAConsistentLedgerAndNamesEveryInvariant() {
		earnAvailable(aMember(), "10.00", aBusiness());

		LedgerCheck check = as(ledger::check);

		assertThat(check.ok()).isTrue();
		assertThat(check.checks()).extracting(LedgerCheck.Check::name)
			.containsExactly("entries_sum_to_zero", "transactions_balance", "balances_match_entries",
					"balances_match_lots", "lots_match_movements", "liabilities_match_lots", "reversals_within_earns",
					"restores_within_spends", "currency_balances_match_entries");
	}

	@Test
	void checkDetectsACorruptedBalanceRow() {
		UUID member = aMember();
		earnAvailable(member, "100.00", aBusiness());
		new JdbcTemplate(ownerDataSource).update(
				"UPDATE ledger.member_balances SET available = available + 1 WHERE program_id = ? AND member_id = ?",
				program.value(), member);

		LedgerCheck check = as(ledger::check);

		assertThat(check.ok()).isFalse();
		assertThat(check.checks()).filteredOn(c -> !c.ok())
			.extracting(LedgerCheck.Check::name)
			.containsExactly("balances_match_entries", "balances_match_lots");
		assertThat(check.checks()).filteredOn(c -> !c.ok())
			.allSatisfy(c -> assertThat(c.details()).contains(member.toString()).contains("101.00"));
	}

	@Test
	void theApplicationCannotUpdateOrDeleteLedgerRecords() {
		earnAvailable(aMember(), "10.00", aBusiness());

		for (String sql : List.of("UPDATE ledger.entries SET amount = amount", "DELETE FROM ledger.entries",
				"UPDATE ledger.transactions SET actor = 'x'", "DELETE FROM ledger.lot_movements")) {
			assertThatThrownBy(() -> inTransaction(() -> jdbc.sql(sql).update())).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theDatabaseRefusesATransactionWhoseLegsDoNotBalance() {
		UUID tx = Ids.newId();

		assertThatThrownBy(() -> inTransaction(() -> {
			insertHeader(tx);
			return insertLegs(tx, 1, "5.00", "-4.99");
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
		assertThatThrownBy(() -> inTransaction(() -> insertHeader(Ids.newId())))
			.as("a header without legs")
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("does not balance");
		assertThatThrownBy(() -> inTransaction(() -> {
			UUID split = Ids.newId();
			insertHeader(split);
			return insertLegs(split, 1, "5.00") + insertLegs(split, 2, "-5.00");
		})).as("legs of one transaction in two statements").isInstanceOf(DataAccessException.class)
			.hasMessageContaining("does not balance");
		assertThat(inTransaction(() -> {
			insertHeader(tx);
			return insertLegs(tx, 1, "5.00", "-5.00");
		})).isEqualTo(2);
		assertThatThrownBy(() -> inTransaction(() -> insertLegs(tx, 3, "1.00")))
			.as("a leg added to a committed transaction")
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("does not balance");
		assertThat(inTransaction(() -> jdbc.sql("SELECT count(*) FROM ledger.entries WHERE transaction_id = :tx")
			.param("tx", tx)
			.query(Integer.class)
			.single())).isEqualTo(2);
	}

	@Test
	void everyTransactionOfAStatementIsChecked() {
		UUID balanced = Ids.newId();
		UUID unbalanced = Ids.newId();

		assertThatThrownBy(() -> inTransaction(() -> {
			insertHeader(balanced);
			insertHeader(unbalanced);
			return jdbc.sql("""
					INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, created_at)
					VALUES (:a, 1, :program, 'SETTLEMENT', :owner, 3.00, now()),
					       (:a, 2, :program, 'SETTLEMENT', :owner, -3.00, now()),
					       (:b, 1, :program, 'SETTLEMENT', :owner, 3.00, now()),
					       (:b, 2, :program, 'SETTLEMENT', :owner, -2.00, now())""")
				.param("a", balanced)
				.param("b", unbalanced)
				.param("program", program.value())
				.param("owner", Ids.newId())
				.update();
		})).isInstanceOf(DataAccessException.class).hasMessageContaining(unbalanced.toString());
	}

	@Test
	void earnTakesOneStatementAndSpendThree() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		earnAvailable(member, "50.00", cafe);
		earnAvailable(member, "50.00", aBusiness());

		int earn = statements(() -> earnAvailable(member, "10.00", cafe));
		int spend = statements(() -> spend(member, "75.00", aBusiness()));
		int post = statements(() -> as(() -> ledger.post(new PostCommand(Reason.COMMISSION,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(cafe), pts("-1.00")),
						new PostCommand.Leg(LedgerAccount.platformRevenue(program), pts("1.00"))),
				Source.purchase(Ids.newId()), null, "system", null))));

		assertThat(earn).isEqualTo(1);
		assertThat(spend).isEqualTo(3);
		assertThat(post).isEqualTo(1);
		assertLedgerOk();
	}

	@Test
	void schedulesTheReleaseAndExpiryJobs() {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(new JdbcTemplate(ownerDataSource)
				.queryForList("SELECT task_name FROM platform.scheduled_tasks", String.class))
				.contains("ledger-release-pending", "ledger-expire-lots"));
	}

	private int insertHeader(UUID tx) {
		return jdbc.sql("""
				INSERT INTO ledger.transactions (id, program_id, reason, actor, source_type, created_at)
				VALUES (:id, :program, 'TRANSFER', 'test', 'transfer', now())""")
			.param("id", tx)
			.param("program", program.value())
			.update();
	}

	/** The legs in one statement, numbered from {@code firstLine}. */
	private int insertLegs(UUID tx, int firstLine, String... amounts) {
		StringBuilder values = new StringBuilder();
		for (int line = 1; line <= amounts.length; line++) {
			values.append(line == 1 ? "" : ", ")
				.append("(:tx, ").append(firstLine + line - 1).append(", :program, 'SETTLEMENT', :owner, CAST(:a").append(line)
				.append(" AS numeric), :at)");
		}
		var spec = jdbc.sql("INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, "
				+ "created_at) VALUES " + values)
			.param("tx", tx)
			.param("program", program.value())
			.param("owner", Ids.newId())
			.param("at", java.sql.Timestamp.from(java.time.Instant.now()));
		for (int line = 1; line <= amounts.length; line++) {
			spec = spec.param("a" + line, pts(amounts[line - 1]));
		}
		return spec.update();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return TenantContext.call(program, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
	}

	/** Counts the SQL statements Spring's JdbcTemplate executes on this thread while {@code work} runs. */
	private static int statements(Runnable work) {
		Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		try {
			work.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(appender);
		}
		String thread = Thread.currentThread().getName();
		return (int) appender.list.stream()
			.filter(e -> thread.equals(e.getThreadName()))
			.filter(e -> e.getFormattedMessage().startsWith("Executing prepared SQL statement"))
			.count();
	}
}
