package io.krug.events.internal;

import io.krug.events.EventRegistrationConfirmed;
import io.krug.events.PromotedFromWaitlist;
import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, cancellation and the waitlist. Every change to an event's registrations locks the event's row first
 * ({@code SELECT … FOR UPDATE}), so changes of one event happen one at a time whatever the concurrency: seats never
 * exceed capacity, and freed seats go to the waitlist strictly in order of registration, each promotion once.
 *
 * <p>
 * A paid event is paid on registering, waitlisted or not (a waitlisted member's seat is then certain the moment one
 * frees up). A waitlisted registration is refunded in full when cancelled or when the waitlist closes at the start;
 * a confirmed one when cancelled before the event's cut-off ({@code paid_cancellation_cutoff_hours} before the
 * start), not after; all when the organizer cancels the event.
 */
@Service
public class Registrations {

	private final EventRepository events;

	private final RegistrationRepository registrations;

	private final EventPayments payments;

	private final IdentityApi identity;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Registrations(EventRepository events, RegistrationRepository registrations, EventPayments payments,
			IdentityApi identity, ApplicationEventPublisher publisher, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.payments = payments;
		this.identity = identity;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * A registration and, while it waits, its place in the waitlist (1 = next).
	 */
	public record Outcome(Registration registration, Event event, @Nullable Integer waitlistPosition) {
	}

	@Transactional
	public Outcome register(UUID eventId, UUID memberId, boolean plusOne, @Nullable String dietary, String actor) {
		Instant now = clock.instant();
		Event event = events.lock(eventId).orElseThrow(() -> notFound(eventId));
		requireOpen(event, now);
		MemberSummary member = identity.findMember(memberId)
			.filter(MemberSummary::active)
			.orElseThrow(() -> EventsError.MEMBER_NOT_FOUND.exception("No active member " + memberId + "."));
		requireStatus(event, member.status());
		int seats = plusOne ? 2 : 1;
		if (plusOne && (!event.allowPlusOne() || event.capacity() < 2)) {
			throw EventsError.PLUS_ONE_NOT_ALLOWED.exception("This event takes no plus-ones.");
		}
		List<Registration> waiting = registrations.waitlist(eventId);
		boolean seat = waiting.isEmpty() && seats <= event.seatsLeft();
		UUID id = Ids.newId();
		RegistrationStatus status = seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLIST;
		if (!registrations.insert(id, eventId, memberId, status, plusOne, blankToNull(dietary), TicketCodes.next(),
				actor, now)) {
			throw EventsError.ALREADY_REGISTERED.exception("The member is already registered for this event.");
		}
		if (seat) {
			events.addSeats(eventId, seats);
		}
		registrations.log(id, eventId, seat ? "confirmed" : "waitlisted", actor, now);
		if (event.isPaid()) {
			payments.pay(event, id, memberId, seats, actor);
		}
		if (seat) {
			publisher.publishEvent(
					new EventRegistrationConfirmed(TenantContext.require(), eventId, id, memberId, plusOne, now));
		}
		Registration stored = registrations.live(eventId, memberId).orElseThrow();
		return new Outcome(stored, event, seat ? null : waiting.size() + 1);
	}

	/** Staff of the event's business (or an admin) register a member on their behalf, by the same rules. */
	@Transactional
	public Outcome registerFor(Organizer staff, UUID eventId, UUID memberId, boolean plusOne, @Nullable String dietary) {
		staff.requireStaffOf(events.find(eventId).orElseThrow(() -> notFound(eventId)));
		return register(eventId, memberId, plusOne, dietary, staff.actor());
	}

	/** A page of registrations of the event, all statuses, in order of registration. */
	public record Page(List<Registration> items, long total) {
	}

	@Transactional(readOnly = true)
	public Page list(Organizer staff, UUID eventId, int limit, int offset) {
		staff.requireStaffOf(events.find(eventId).orElseThrow(() -> notFound(eventId)));
		return new Page(registrations.of(eventId, limit, offset), registrations.count(eventId));
	}

	/** Cancels the member's registration, refunds it where the rules say, and gives freed seats to the waitlist. */
	@Transactional
	public Registration cancel(UUID eventId, UUID memberId, String actor) {
		Instant now = clock.instant();
		Event event = events.lock(eventId).orElseThrow(() -> notFound(eventId));
		Registration registration = registrations.live(eventId, memberId)
			.orElseThrow(() -> EventsError.NOT_REGISTERED.exception("You are not registered for this event."));
		if (event.hasStarted(now)) {
			throw EventsError.REGISTRATION_CLOSED.exception("The event has started; registrations can no longer change.");
		}
		boolean refund = !registration.isConfirmed() || now.isBefore(event.refundableUntil());
		release(event, registration, "member", refund, actor, now);
		promote(eventId, actor, now);
		return registrations.find(registration.id()).orElseThrow();
	}

	/** The organizer cancelled the event: every live registration is cancelled and refunded in full. */
	@Transactional
	public int cancelEvent(Event locked, String actor, Instant now) {
		List<Registration> live = registrations.liveOf(locked.id());
		live.forEach(r -> release(locked, r, "event_cancelled", true, actor, now));
		return live.size();
	}

	/** At the start the waitlist closes: those still waiting are cancelled and refunded in full. */
	@Transactional
	public int closeWaitlist(UUID eventId, String actor) {
		Instant now = clock.instant();
		Event event = events.lock(eventId).orElseThrow(() -> notFound(eventId));
		if (!event.hasStarted(now) || event.isCancelled()) {
			return 0;
		}
		List<Registration> waiting = registrations.waitlist(eventId);
		waiting.forEach(r -> release(event, r, "waitlist_closed", true, actor, now));
		return waiting.size();
	}

	/**
	 * Gives free seats to the waitlist in order of registration, stopping at the first who does not fit (a member
	 * with a plus-one is not overtaken by later single registrations). The caller holds the event's lock.
	 */
	void promote(UUID eventId, String actor, Instant now) {
		Event event = events.find(eventId).orElseThrow(() -> notFound(eventId));
		if (event.hasStarted(now) || event.isCancelled()) {
			return;
		}
		int free = event.seatsLeft();
		for (Registration waiting : registrations.waitlist(eventId)) {
			if (waiting.seats() > free) {
				return;
			}
			if (registrations.promote(waiting.id(), now)) {
				events.addSeats(eventId, waiting.seats());
				free -= waiting.seats();
				registrations.log(waiting.id(), eventId, "promoted", actor, now);
				publisher.publishEvent(new PromotedFromWaitlist(TenantContext.require(), eventId, waiting.id(),
						waiting.memberId(), waiting.plusOne(), now));
			}
		}
	}

	private void release(Event event, Registration registration, String reason, boolean refund, String actor,
			Instant now) {
		BigDecimal refunded = registration.refundedAmount();
		UUID transaction = null;
		if (refund && registration.paidAmount().compareTo(registration.refundedAmount()) > 0) {
			transaction = payments.refund(registration, event, actor);
			refunded = registration.paidAmount();
		}
		registrations.cancel(registration.id(), reason, now, refunded, transaction);
		if (registration.isConfirmed()) {
			events.addSeats(event.id(), -registration.seats());
		}
		registrations.log(registration.id(), event.id(), "cancelled", actor, now);
	}

	static void requireOpen(Event event, Instant now) {
		if (event.isCancelled()) {
			throw EventsError.EVENT_CANCELLED.exception("The event was cancelled.");
		}
		if (event.hasStarted(now)) {
			throw EventsError.REGISTRATION_CLOSED.exception("The event has started; registration is closed.");
		}
	}

	static void requireStatus(Event event, MemberStatus status) {
		if (!Keys.atLeast(status, event.minStatus())) {
			throw EventsError.STATUS_TOO_LOW
				.exception("This event is for " + event.minStatus().key() + " members and above; the member's status is "
						+ status.key() + ".")
				.with("required_status", event.minStatus().key())
				.with("status", status.key());
		}
	}

	private static RuntimeException notFound(UUID eventId) {
		return EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + ".");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
