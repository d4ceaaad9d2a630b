package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SpendCommand;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpiryReminderTests extends NotificationTest {

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	LedgerApi ledger;

	private void earn(Program program, UUID member, String amount, Instant expiresAt) {
		inProgram(program, () -> ledger.earn(new EarnCommand(member, new BigDecimal(amount),
				PartyId.club(program.id()), clock.instant(), expiresAt, Reason.PROMOTION_BONUS,
				Source.purchase(Ids.newId()), null, "test", null)));
	}

	private List<String> warnings(Program program, UUID member) {
		return messages(program, member).stream()
			.filter(m -> m.type().equals("bonuses_expiring") && m.channel() == Channel.EMAIL)
			.map(Message::subject)
			.toList();
	}

	@Test
	void warnsOncePerThresholdAndExpiryDaySummingTheDaysLots() {
		Program program = fixtures.program();
		useGreenMail(program);
		String email = email();
		UUID member = memberWithEmail(program, email);
		earn(program, member, "100", MIDDAY.plus(Duration.ofDays(20)));
		earn(program, member, "50", MIDDAY.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)));
		earn(program, member, "7", MIDDAY.plus(Duration.ofDays(5)));
		earn(program, member, "40", MIDDAY.plus(Duration.ofDays(45)));

		reminders.run(program, clock.instant());

		assertThat(warnings(program, member)).containsExactlyInAnyOrder("150 бонусов сгорят 13 декабря 2026 г.",
				"7 бонусов сгорят 28 ноября 2026 г.");
		deliver(program, clock.instant());
		assertThat(mailTo(email)).extracting(m -> m.getSubject())
			.contains("150 бонусов сгорят 13 декабря 2026 г.", "7 бонусов сгорят 28 ноября 2026 г.");

		assertThat(reminders.run(program, clock.instant().plus(Duration.ofHours(1)))).as("the same lots again")
			.isZero();
		assertThat(warnings(program, member)).hasSize(2);
	}

	@Test
	void warnsAgainAtSevenDaysAndNotOfSpentPoints() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		UUID spender = memberWithEmail(program, email());
		earn(program, member, "150", MIDDAY.plus(Duration.ofDays(20)));
		earn(program, spender, "30", MIDDAY.plus(Duration.ofDays(20)));
		inProgram(program, () -> ledger.spend(new SpendCommand(spender, new BigDecimal("30"),
				PartyId.club(program.id()), Reason.PURCHASE_SPEND, Source.purchase(Ids.newId()), null, "test", null)));

		reminders.run(program, clock.instant());
		clock.tick(Duration.ofDays(14));
		reminders.run(program, clock.instant());

		List<String> keys = inProgram(program, () -> jdbc.sql("""
				SELECT DISTINCT dedupe_key FROM notifications.messages
				WHERE program_id = :p AND type = 'bonuses_expiring' ORDER BY dedupe_key""")
			.param("p", program.id().value())
			.query(String.class)
			.list());
		assertThat(keys).containsExactly("bonuses_expiring:30:" + member + ":2026-12-13",
				"bonuses_expiring:7:" + member + ":2026-12-13");
		assertThat(message(program, member, "bonuses_expiring", Channel.IN_APP).bodyText())
			.isEqualTo("13 декабря 2026 г. сгорят 150 бонусов.");
	}
}
