package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.loyalty.BadgeAwarded;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DigestTests extends NotificationTest {

	private static final Instant SIX_PM_MOSCOW = Instant.parse("2026-11-23T15:00:00Z");

	@Autowired
	Digests digests;

	@Autowired
	PreferenceService preferences;

	@Test
	void nextDigestIsSixInTheEveningLocalTime() {
		ZoneId moscow = ZoneId.of("Europe/Moscow");
		assertThat(Digests.nextDigestTime(MIDDAY, moscow)).isEqualTo(SIX_PM_MOSCOW);
		assertThat(Digests.nextDigestTime(SIX_PM_MOSCOW, moscow)).isEqualTo(SIX_PM_MOSCOW.plus(Duration.ofDays(1)));
	}

	@Test
	void lowPriorityEmailsOfDigestMembersAreHeldAndSentAsOneDigestAtSixPm() throws Exception {
		Program program = fixtures.program();
		useGreenMail(program);
		String address = email();
		UUID member = memberWithEmail(program, address);
		TenantContext.run(program.id(), () -> {
			Preferences p = preferences.get(program.id().value(), member);
			preferences.update(program.id().value(), member, new Preferences(p.channels(), p.categories(),
					p.quietHours(), p.timeZone(), "daily", p.dailyCap(), p.contacts(), p.locale()), "test");
		});
		for (String badge : new String[] { "collector", "party_goer" }) {
			inProgram(program, () -> {
				events.publishEvent(new BadgeAwarded(program.id(), member, badge, clock.instant()));
				return null;
			});
		}
		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("badge_awarded")
				&& "held".equals(m.status()))
			.hasSize(2)
			.allMatch(m -> m.nextAttemptAt().equals(SIX_PM_MOSCOW));

		assertThat(TenantContext.call(program.id(), () -> digests.run(SIX_PM_MOSCOW.minusSeconds(1)))).isZero();
		assertThat(TenantContext.call(program.id(), () -> digests.run(SIX_PM_MOSCOW))).isEqualTo(1);
		assertThat(TenantContext.call(program.id(), () -> digests.run(SIX_PM_MOSCOW.plusSeconds(60)))).isZero();
		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("badge_awarded")
				&& m.channel() == Channel.EMAIL && "held".equals(m.status())).isEmpty();

		deliver(program, SIX_PM_MOSCOW);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
		var mail = mailTo(address).getFirst();
		assertThat(mail.getSubject()).endsWith("2 новости за день");
		assertThat(part(mail, "text/plain")).contains("«collector»").contains("«party_goer»");
	}
}
