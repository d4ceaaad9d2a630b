package io.krug.notifications.internal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.krug.loyalty.BonusesEarned;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Shared set-up of the notifications tests: a GreenMail SMTP server and helpers to drive the worker. */
abstract class NotificationTest extends ApiTest {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	protected DeliveryWorker worker;

	@Autowired
	protected MessageStore store;

	@Autowired
	protected Contacts contacts;

	@Autowired
	protected SmtpSettingsStore smtp;

	@Autowired
	protected ApplicationEventPublisher events;

	@Autowired
	protected PendingNotifications pending;

	/** Midday in Moscow, outside the default quiet hours, so e-mails are due at once. */
	protected static final Instant MIDDAY = Instant.parse("2026-11-23T09:00:00Z");

	@org.junit.jupiter.api.BeforeEach
	void middayInMoscow() {
		clock.set(MIDDAY);
	}

	/** Points the program's e-mail at GreenMail. */
	protected void useGreenMail(Program program) {
		smtpOnPort(program, greenMail.getSmtp().getPort());
	}

	protected void smtpOnPort(Program program, int port) {
		TenantContext.run(program.id(), () -> smtp.save(program.id().value(),
				new SmtpSettings("127.0.0.1", port, null, null, "Krug <club@krug.test>", false)));
	}

	/**
	 * A registered member with an e-mail address, whose registration messages (welcome, the first-registration
	 * badge, published asynchronously) are queued and delivered already; returns the member's id.
	 */
	protected UUID memberWithEmail(Program program, String email) {
		UUID member = registered(program);
		TenantContext.run(program.id(),
				() -> contacts.save(program.id().value(), member, new Contacts.Contact(email, "ru")));
		deliver(program, clock.instant());
		return member;
	}

	/** A registered member whose registration messages exist (not yet delivered). */
	protected UUID registered(Program program) {
		UUID member = UUID.fromString(fixtures.member(program).path("user_id").asString());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> messages(program, member).stream().anyMatch(m -> m.type().equals("badge_awarded")));
		return member;
	}

	protected static String email() {
		return "m-" + UUID.randomUUID().toString().substring(0, 8) + "@krug.test";
	}

	/**
	 * Publishes {@code BonusesEarned} in a committed transaction of the program, as the loyalty module does, and
	 * queues its messages as the worker's next run would.
	 */
	protected UUID earn(Program program, UUID member, String amount) {
		UUID purchase = UUID.randomUUID();
		inProgram(program, () -> {
			events.publishEvent(new BonusesEarned(program.id(), member, purchase, new BigDecimal(amount),
					Instant.parse("2026-12-07T09:00:00Z")));
			return null;
		});
		queuePending(program);
		return purchase;
	}

	/** Turns the program's pending notifications into messages, as the worker does first on every run. */
	protected int queuePending(Program program) {
		return TenantContext.call(program.id(), () -> pending.expand(1_000));
	}

	/** Runs the worker for the program only, at {@code now}. */
	protected int deliver(Program program, Instant now) {
		return TenantContext.call(program.id(), () -> worker.deliverDue(now));
	}

	protected List<Message> messages(Program program, UUID member) {
		return inProgram(program, () -> store.forMember(program.id().value(), member));
	}

	protected Message message(Program program, UUID member, String type, Channel channel) {
		return messages(program, member).stream()
			.filter(m -> m.type().equals(type) && m.channel() == channel)
			.findFirst()
			.orElseThrow();
	}

	protected List<String> history(Program program, UUID message) {
		return inProgram(program, () -> store.history(program.id().value(), message))
			.stream()
			.map(MessageStore.StatusChange::status)
			.toList();
	}

	protected static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The text/plain or text/html part of a mail, wherever it sits in the multipart tree. */
	protected static String part(jakarta.mail.Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	protected TransactionTemplate tx() {
		return new TransactionTemplate(transactionManager);
	}
}
