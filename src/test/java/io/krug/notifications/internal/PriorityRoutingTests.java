package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PriorityRoutingTests extends NotificationTest {

	@Autowired
	Notifier notifier;

	@Autowired
	PreferenceService preferences;

	private void setPrefs(Program program, UUID member, int cap, boolean sms) {
		TenantContext.run(program.id(), () -> {
			Preferences p = preferences.get(program.id().value(), member);
			preferences.update(program.id().value(), member, new Preferences(
					new Preferences.Channels(true, sms, true, true), p.categories(), p.quietHours(), p.timeZone(),
					p.digest(), cap, p.contacts(), p.locale()), "test");
		});
	}

	private int send(Program program, UUID member, Priority priority, String key) {
		return TenantContext.call(program.id(), () -> notifier.notify(new Notification(program.id().value(), member,
				"bonuses_earned", "loyalty", priority, key, Map.of("amount", "1", "available_at",
						"2026-12-01T00:00:00Z"))));
	}

	private Message byKey(Program program, UUID member, Channel channel, Instant created) {
		return messages(program, member).stream()
			.filter(m -> m.channel() == channel && m.createdAt().equals(created))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void highPriorityFallsBackToSmsForMembersWithoutEmail() {
		Program program = fixtures.program();
		UUID member = registered(program);
		setPrefs(program, member, 10, true);
		inProgram(program, () -> {
			events.publishEvent(new TierChanged(program.id(), member, MemberStatus.INSIDER, MemberStatus.VIP,
					clock.instant()));
			return null;
		});
		Message sms = message(program, member, "tier_changed", Channel.SMS);
		assertThat(sms.recipient()).startsWith("+7");
		assertThat(sms.bodyText()).contains("vip");
		deliver(program, clock.instant());
		assertThat(message(program, member, "tier_changed", Channel.SMS).status()).isEqualTo("sent");
		assertThat(message(program, member, "tier_changed", Channel.IN_APP).status()).isEqualTo("delivered");
		List<String> texts = inProgram(program, () -> jdbc.sql("""
				SELECT text FROM platform.sms_messages WHERE program_id = :p AND phone = :phone""")
			.param("p", program.id().value())
			.param("phone", sms.recipient())
			.query(String.class)
			.list());
		assertThat(texts).anyMatch(t -> t.contains("insider → vip"));
	}

	@Test
	void smsIsOptIn() {
		Program program = fixtures.program();
		UUID member = registered(program);
		inProgram(program, () -> {
			events.publishEvent(new TierChanged(program.id(), member, MemberStatus.INSIDER, MemberStatus.VIP,
					clock.instant()));
			return null;
		});
		Message sms = message(program, member, "tier_changed", Channel.SMS);
		assertThat(sms.status()).isEqualTo("suppressed");
		assertThat(sms.lastError()).isEqualTo("channel_disabled");
	}

	@Test
	void quietHoursDeferNonCriticalMessagesInTheMembersZone() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		clock.set(Instant.parse("2026-11-23T20:30:00Z")); // 23:30 in Moscow
		send(program, member, Priority.NORMAL, "quiet-normal");
		Instant normalAt = clock.instant();
		clock.tick(Duration.ofSeconds(1));
		send(program, member, Priority.CRITICAL, "quiet-critical");
		Instant criticalAt = clock.instant();

		assertThat(byKey(program, member, Channel.EMAIL, normalAt).nextAttemptAt())
			.isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
		assertThat(byKey(program, member, Channel.IN_APP, normalAt).nextAttemptAt()).isEqualTo(normalAt);
		assertThat(byKey(program, member, Channel.EMAIL, criticalAt).nextAttemptAt()).isEqualTo(criticalAt);

		TenantContext.run(program.id(), () -> {
			Preferences p = preferences.get(program.id().value(), member);
			preferences.update(program.id().value(), member, new Preferences(p.channels(), p.categories(),
					p.quietHours(), "Asia/Vladivostok", p.digest(), p.dailyCap(), p.contacts(), p.locale()), "test");
		});
		clock.tick(Duration.ofSeconds(1)); // 07:30 in Vladivostok
		send(program, member, Priority.NORMAL, "quiet-vladivostok");
		assertThat(byKey(program, member, Channel.EMAIL, clock.instant()).nextAttemptAt())
			.isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
	}

	@Test
	void dailyCapDefersNormalAndDropsLowPriorityMessages() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		setPrefs(program, member, 2, false);
		List<Instant> at = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			clock.tick(Duration.ofSeconds(1));
			at.add(clock.instant());
			send(program, member, Priority.NORMAL, "cap-" + i);
		}
		clock.tick(Duration.ofSeconds(1));
		Instant lowAt = clock.instant();
		send(program, member, Priority.LOW, "cap-low");
		clock.tick(Duration.ofSeconds(1));
		Instant highAt = clock.instant();
		send(program, member, Priority.HIGH, "cap-high");

		assertThat(byKey(program, member, Channel.EMAIL, at.get(0)).nextAttemptAt()).isEqualTo(at.get(0));
		assertThat(byKey(program, member, Channel.EMAIL, at.get(1)).nextAttemptAt()).isEqualTo(at.get(1));
		assertThat(byKey(program, member, Channel.EMAIL, at.get(2)).nextAttemptAt())
			.as("the next day, after quiet hours")
			.isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
		Message low = byKey(program, member, Channel.EMAIL, lowAt);
		assertThat(low.status()).isEqualTo("suppressed");
		assertThat(low.lastError()).isEqualTo("daily_cap");
		assertThat(byKey(program, member, Channel.EMAIL, highAt).nextAttemptAt()).isEqualTo(highAt);
	}
}
