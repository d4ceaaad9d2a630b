package io.krug.events.internal;

import io.krug.events.MemberCheckedIn;
import io.krug.loyalty.badges.MemberBadges;
import io.krug.platform.qr.QrCodes;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets of confirmed registrations and check-in at the door. Check-in is open from {@link #DOORS_OPEN} before the
 * start until {@link #DOORS_CLOSE} after the end; each ticket checks in once (a conditional update decides races).
 * Attendance counts toward the member's {@code events_attended} and the {@code party_goer} badge (10 events).
 */
@Service
public class Tickets {

	static final Duration DOORS_OPEN = Duration.ofHours(6);

	static final Duration DOORS_CLOSE = Duration.ofHours(6);

	private final EventRepository events;

	private final RegistrationRepository registrations;

	private final MemberBadges badges;

	private final ApplicationEventPublisher publisher;

	private final ProgramZone zones;

	private final Clock clock;

	Tickets(EventRepository events, RegistrationRepository registrations, MemberBadges badges,
			ApplicationEventPublisher publisher, ProgramZone zones, Clock clock) {
		this.zones = zones;
		this.events = events;
		this.registrations = registrations;
		this.badges = badges;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** A ticket: the confirmed registration, its event and the code drawn as a QR code. */
	public record Ticket(Registration registration, Event event, String qrSvg, java.time.ZoneId zone) {
	}

	/** A member checked in, and how many events they attended in all. */
	public record CheckIn(Registration registration, long eventsAttended) {
	}

	@Transactional(readOnly = true)
	public Ticket ticket(UUID eventId, UUID memberId) {
		Event event = events.find(eventId).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
		Registration registration = registrations.live(eventId, memberId)
			.orElseThrow(() -> EventsError.NOT_REGISTERED.exception("You are not registered for this event."));
		if (!registration.isConfirmed()) {
			throw EventsError.NOT_CONFIRMED.exception("You are on the waitlist; the ticket comes with a seat.");
		}
		return new Ticket(registration, event, QrCodes.svg(registration.ticketCode()), zones.zone());
	}

	@Transactional
	public CheckIn checkIn(Organizer staff, UUID eventId, String ticketCode) {
		Instant now = clock.instant();
		Event event = events.find(eventId).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
		staff.requireStaffOf(event);
		if (event.isCancelled()) {
			throw EventsError.EVENT_CANCELLED.exception("The event was cancelled.");
		}
		if (now.isBefore(event.startsAt().minus(DOORS_OPEN)) || now.isAfter(event.endsAt().plus(DOORS_CLOSE))) {
			throw EventsError.CHECK_IN_CLOSED.exception("Check-in opens 6 hours before the start and closes 6 hours "
					+ "after the end.");
		}
		Registration registration = registrations.byTicket(eventId, TicketCodes.normalize(ticketCode))
			.orElseThrow(() -> EventsError.TICKET_NOT_FOUND.exception("No ticket " + ticketCode + " for this event."));
		if (registration.checkedInAt() != null) {
			throw alreadyCheckedIn(registration.checkedInAt());
		}
		if (!registration.isConfirmed()) {
			throw EventsError.NOT_CONFIRMED.exception("This ticket's registration is " + registration.status().key() + ".");
		}
		if (!registrations.checkIn(registration.id(), staff.actor(), now)) {
			throw alreadyCheckedIn(now);
		}
		registrations.log(registration.id(), eventId, "checked_in", staff.actor(), now);
		long attended = registrations.attended(registration.memberId());
		badges.awardIfEligible(registration.memberId(), MemberBadges.PARTY_GOER, attended);
		publisher.publishEvent(new MemberCheckedIn(TenantContext.require(), eventId, registration.id(),
				registration.memberId(), attended, now));
		return new CheckIn(registrations.find(registration.id()).orElseThrow(), attended);
	}

	private static RuntimeException alreadyCheckedIn(Instant at) {
		return EventsError.ALREADY_CHECKED_IN.exception("This ticket was checked in already.").with("checked_in_at", at);
	}
}
