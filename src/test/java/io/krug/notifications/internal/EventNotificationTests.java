package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.events.EventsApi;
import io.krug.events.ProposalApproved;
import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.platform.tenancy.Program;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class EventNotificationTests extends NotificationTest {

	@Autowired
	EventsApi eventsApi;

	@Autowired
	IdentityApi identity;

	@Autowired
	EventReminders reminders;

	private UUID event(Program program, String title, String startsAt, int capacity) {
		LocalDateTime start = LocalDateTime.parse(startsAt);
		return inProgram(program, () -> eventsApi.createEvent(new EventsApi.NewEvent(title, null, "tasting", "free",
				BigDecimal.ZERO, start, start.plusHours(2), null, capacity, MemberStatus.INSIDER, false)));
	}

	private long reminders(Program program, UUID member) {
		return messages(program, member).stream()
			.filter(m -> m.type().equals("event_reminder") && m.channel() == Channel.IN_APP)
			.count();
	}

	@Test
	void confirmsPromotesFromTheWaitlistAndRemindsADayBefore() {
		Program program = fixtures.program();
		JsonNode annaAccount = fixtures.member(program);
		UUID anna = UUID.fromString(annaAccount.path("user_id").asString());
		UUID boris = registered(program);
		UUID tasting = event(program, "Дегустация сыров", "2026-11-26T19:00", 1);

		inProgram(program, () -> eventsApi.register(tasting, anna, false));
		assertThat(inProgram(program, () -> eventsApi.register(tasting, boris, false)).status()).isEqualTo("waitlist");
		Message confirmed = message(program, anna, "event_registration_confirmed", Channel.IN_APP);
		assertThat(confirmed.subject()).isEqualTo("Вы записаны на «Дегустация сыров»");
		assertThat(confirmed.bodyText()).isEqualTo("26 ноября 2026 г. в 19:00. Билет — в разделе событий.");
		assertThat(messages(program, boris)).noneMatch(m -> m.type().startsWith("event_"));

		assertThat(http.delete("/api/v1/events/" + tasting + "/register")
			.bearer(annaAccount.path("access_token").asString())
			.send()
			.status()).isEqualTo(200);
		Message promoted = message(program, boris, "event_promoted_from_waitlist", Channel.IN_APP);
		assertThat(promoted.priority()).isEqualTo("high");
		assertThat(promoted.subject()).isEqualTo("Место ваше: Дегустация сыров");

		clock.set(Instant.parse("2026-11-25T17:30:00Z")); // 22.5 hours before the start
		assertThat(reminders.run(program, clock.instant())).isPositive();
		assertThat(reminders.run(program, clock.instant().plusSeconds(900))).as("once per registration").isZero();
		assertThat(reminders(program, boris)).isOne();
		assertThat(reminders(program, anna)).as("cancelled").isZero();
		assertThat(message(program, boris, "event_reminder", Channel.IN_APP).subject())
			.isEqualTo("Скоро: Дегустация сыров");
	}

	@Test
	void doesNotRemindMembersWhoGotTheirSeatWithinTheLastDay() {
		Program program = fixtures.program();
		UUID early = registered(program);
		UUID late = registered(program);
		UUID talk = event(program, "Лекция о вине", "2026-11-25T19:00", 10);
		inProgram(program, () -> eventsApi.register(talk, early, false));
		clock.set(Instant.parse("2026-11-24T20:00:00Z")); // 20 hours before the start
		inProgram(program, () -> eventsApi.register(talk, late, false));

		reminders.run(program, clock.instant());

		assertThat(reminders(program, early)).isOne();
		assertThat(reminders(program, late)).isZero();
		assertThat(messages(program, late)).anyMatch(m -> m.type().equals("event_registration_confirmed"));
	}

	@Test
	void tellsTheProposerTheirProposalWasApproved() {
		Program program = fixtures.program();
		UUID member = registered(program);
		inProgram(program, () -> {
			identity.setMemberStatus(member, MemberStatus.VIP);
			return null;
		});
		UUID proposal = inProgram(program, () -> eventsApi.propose(member, new EventsApi.NewProposal(
				"Мастер-класс по пасте", null, "masterclass", null, null, null, null, "all", null)));

		inProgram(program, () -> {
			events.publishEvent(new ProposalApproved(program.id(), proposal, member, new BigDecimal("7.5"),
					clock.instant()));
			return null;
		});

		Message approved = message(program, member, "event_proposal_approved", Channel.IN_APP);
		assertThat(approved.bodyText()).startsWith("«Мастер-класс по пасте» в тройке лучших");
		assertThat(approved.category()).isEqualTo("events");
	}
}
