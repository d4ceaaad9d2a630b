package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.loyalty.BonusesEarned;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTests extends NotificationTest {

	@Test
	void queuesMessagesOnlyWhenTheEventsTransactionCommits() throws Exception {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		TenantContext.run(program.id(), () -> tx().executeWithoutResult(s -> {
			events.publishEvent(new BonusesEarned(program.id(), member, UUID.randomUUID(), new BigDecimal("10"),
					Instant.parse("2026-12-07T09:00:00Z")));
			s.setRollbackOnly();
		}));
		assertThat(queuePending(program)).isZero();
		assertThat(messages(program, member)).noneMatch(m -> m.type().equals("bonuses_earned"));

		earn(program, member, "10");
		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("bonuses_earned"))
			.extracting(Message::channel)
			.containsExactlyInAnyOrder(Channel.EMAIL, Channel.IN_APP);
	}

	@Test
	void sameEventPublishedTwiceQueuesOnce() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		UUID purchase = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			inProgram(program, () -> {
				events.publishEvent(new BonusesEarned(program.id(), member, purchase, new BigDecimal("10"),
						Instant.parse("2026-12-07T09:00:00Z")));
				return null;
			});
		}
		assertThat(queuePending(program)).isEqualTo(2);
		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("bonuses_earned")).hasSize(2);
	}

	@Test
	void bonusesEarnedIsRenderedAfterTheCommitAndOnlyOnce() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		inProgram(program, () -> {
			events.publishEvent(new BonusesEarned(program.id(), member, UUID.randomUUID(), new BigDecimal("10"),
					Instant.parse("2026-12-07T09:00:00Z")));
			return null;
		});
		assertThat(messages(program, member)).as("nothing rendered in the purchase's transaction")
			.noneMatch(m -> m.type().equals("bonuses_earned"));

		deliver(program, clock.instant());
		assertThat(queuePending(program)).as("the worker took the pending row").isZero();
		assertThat(messages(program, member)).filteredOn(m -> m.type().equals("bonuses_earned"))
			.extracting(Message::channel)
			.containsExactlyInAnyOrder(Channel.EMAIL, Channel.IN_APP);
	}

	@Test
	void sendsEmailWithTextAndHtmlPartsOverSmtp() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		var configured = http.put("/api/v1/admin/notifications/smtp").bearer(admin).json(Map.of("host", "127.0.0.1",
				"port", greenMail.getSmtp().getPort(), "from_address", "Club <club@krug.test>", "start_tls", false))
			.send();
		assertThat(configured.status()).isEqualTo(200);
		assertThat(http.put("/api/v1/admin/notifications/providers/nope").bearer(admin)
			.json(Map.of("base_url", "https://x.test", "secret", "s")).send().status()).isEqualTo(422);
		String address = email();
		UUID member = memberWithEmail(program, address);
		earn(program, member, "150");
		deliver(program, clock.instant());
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);

		var mail = mailTo(address).getFirst();
		assertThat(mail.getSubject()).isEqualTo("Начислено 150 бонусов");
		assertThat(mail.getFrom()[0].toString()).contains("club@krug.test");
		assertThat(part(mail, "text/plain")).contains("вам начислено 150 бонусов");
		assertThat(part(mail, "text/html")).contains("<b>150 бонусов</b>");
		Message sent = message(program, member, "bonuses_earned", Channel.EMAIL);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> message(program, member, "bonuses_earned", Channel.EMAIL).status().equals("sent"));
		assertThat(history(program, sent.id())).containsExactly("queued", "sending", "sent");
	}

	private int attemptsAfterDelivery(Program program, UUID member, Instant now) {
		deliver(program, now);
		return message(program, member, "bonuses_earned", Channel.EMAIL).attempts();
	}

	@Test
	void suppressesEmailOfMemberWithoutAddress() {
		Program program = fixtures.program();
		UUID member = registered(program);
		Message welcome = message(program, member, "welcome", Channel.EMAIL);
		assertThat(welcome.status()).isEqualTo("suppressed");
		assertThat(welcome.lastError()).isEqualTo("no_email_address");
		assertThat(history(program, welcome.id())).containsExactly("suppressed");
	}

	@Test
	void retriesWithBackoffThenDeadLettersAndAdminRetries() throws Exception {
		Program program = fixtures.program();
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		smtpOnPort(program, closedPort);
		String address = email();
		UUID member = memberWithEmail(program, address);
		Instant t = clock.instant();
		earn(program, member, "5");
		UUID id = message(program, member, "bonuses_earned", Channel.EMAIL).id();
		deliver(program, t);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> message(program, member, "bonuses_earned", Channel.EMAIL).attempts() == 1);
		assertThat(message(program, member, "bonuses_earned", Channel.EMAIL).status()).isEqualTo("queued");

		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(7))).as("10 s ± 20 % not yet over").isEqualTo(1);
		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(13))).isEqualTo(2);
		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(13 + 23))).as("30 s ± 20 %").isEqualTo(2);
		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(13 + 37))).isEqualTo(3);
		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(50 + 47))).as("60 s ± 20 %").isEqualTo(3);
		assertThat(attemptsAfterDelivery(program, member, t.plusSeconds(50 + 73))).isEqualTo(4);
		Message dead = message(program, member, "bonuses_earned", Channel.EMAIL);
		assertThat(dead.status()).isEqualTo("failed");
		assertThat(dead.attempts()).isEqualTo(4);
		assertThat(dead.lastError()).startsWith("retries_exhausted");
		assertThat(history(program, id)).containsExactly("queued", "sending", "retry", "sending", "retry",
				"sending", "retry", "sending", "failed");

		String admin = fixtures.adminToken(program);
		var letters = http.get("/api/v1/admin/notifications/dead-letters").bearer(admin).send();
		assertThat(letters.status()).isEqualTo(200);
		assertThat(letters.json().path("total").asLong()).isEqualTo(1);
		assertThat(letters.json().path("dead_letters").get(0).path("id").asString()).isEqualTo(id.toString());
		assertThat(letters.json().path("dead_letters").get(0).path("last_error").asString())
			.startsWith("retries_exhausted");
		assertThat(http.get("/api/v1/admin/notifications/dead-letters").bearer(fixtures.memberToken(program))
			.send()
			.status()).isEqualTo(403);

		useGreenMail(program);
		assertThat(http.post("/api/v1/admin/notifications/dead-letters/" + id + "/retry").bearer(admin).send()
			.status()).isEqualTo(200);
		assertThat(http.post("/api/v1/admin/notifications/dead-letters/" + id + "/retry").bearer(admin).send()
			.json().path("code").asString()).isIn("not_a_dead_letter");
		deliver(program, clock.instant());
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
	}
}
