package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.krug.ledger.AdjustCommand;
import io.krug.ledger.RestoreSpendCommand;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.Source;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The history's read side called as the endpoint calls it, inside the member's program. */
class MemberBonusesTests extends AccountApiTest {

	@Autowired
	MemberBonuses bonuses;

	Program program;

	String admin;

	UUID member;

	@BeforeEach
	void aProgram() {
		program = fixtures.program();
		admin = fixtures.adminToken(program);
		member = Ids.newId();
	}

	@Test
	void aPageLooksUpBusinessNamesAndLotStatesOnceWhateverItsSize() {
		UUID first = business(program, admin, "Салон Миндаль");
		earn(program, member, "10.00", first, Duration.ZERO, null);
		int onePartner = statements(() -> inProgram(program, () -> bonuses.transactions(member, null, 50, 0)));
		for (int i = 0; i < 5; i++) {
			earn(program, member, "10.00", business(program, admin, "Партнёр " + i), Duration.ZERO, null);
		}

		var page = inProgram(program, () -> bonuses.transactions(member, null, 50, 0));
		int sixPartners = statements(() -> inProgram(program, () -> bonuses.transactions(member, null, 50, 0)));

		assertThat(page.transactions()).hasSize(6).allSatisfy(t -> assertThat(t.businessName()).isNotNull());
		assertThat(sixPartners).isEqualTo(onePartner).isPositive();
	}

	@Test
	void historyNamesTheClubForAdjustmentsAndShowsRefundsAndRestores() {
		UUID cafe = business(program, admin, "Лисичкино");
		UUID salon = business(program, admin, "Салон Миндаль");
		var earned = earn(program, member, "100.00", cafe, Duration.ZERO, null);
		inProgram(program, () -> ledger.reverseEarn(new ReverseEarnCommand(earned.transactionId(),
				new BigDecimal("40.00"), Source.refund(Ids.newId()), "Возврат покупки", "system", null)));
		var spent = spend(program, member, "10.00", salon);
		inProgram(program, () -> ledger.restoreSpend(new RestoreSpendCommand(spent.transactionId(),
				new BigDecimal("10.00"), Source.refund(Ids.newId()), null, "system", null)));
		inProgram(program, () -> ledger.adjust(new AdjustCommand(member, new BigDecimal("15.00"), "Подарок клуба",
				"staff:" + Ids.newId(), null)));

		var page = inProgram(program, () -> bonuses.transactions(member, null, 50, 0));

		assertThat(page.transactions()).extracting(t -> t.type() + " " + t.amount() + " " + t.businessName() + " "
				+ t.status())
			.containsExactly("adjusted 15.00 " + program.name() + " available", "restored 10.00 Салон Миндаль null",
					"spent -10.00 Салон Миндаль null", "refunded -40.00 Лисичкино null",
					"earned 100.00 Лисичкино available");
		assertThat(inProgram(program, () -> bonuses.balance(member)).availableBonuses()).isEqualByComparingTo("75.00");
	}

	/** Counts the SQL statements this thread runs through Spring's JdbcTemplate while {@code work} runs. */
	private static int statements(Runnable work) {
		Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		String thread = Thread.currentThread().getName();
		try {
			work.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(appender);
		}
		return (int) appender.list.stream()
			.filter(e -> thread.equals(e.getThreadName()))
			.filter(e -> e.getFormattedMessage().startsWith("Executing prepared SQL statement"))
			.count();
	}
}
