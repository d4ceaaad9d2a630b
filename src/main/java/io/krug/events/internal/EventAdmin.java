package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits and cancels events. Admins organize any event; business owners those at their own business (an
 * owner's event is at their business even when {@code business_id} is omitted).
 */
@Service
public class EventAdmin {

	static final int DEFAULT_CUTOFF_HOURS = 24;

	private final EventRepository events;

	private final Registrations registrations;

	private final RegistrationRepository registrationRows;

	private final PartnersApi partners;

	private final Programs programs;

	private final ProgramZone zones;

	private final Clock clock;

	EventAdmin(EventRepository events, Registrations registrations, RegistrationRepository registrationRows,
			PartnersApi partners, Programs programs, ProgramZone zones, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.registrationRows = registrationRows;
		this.partners = partners;
		this.programs = programs;
		this.zones = zones;
		this.clock = clock;
	}

	@Transactional
	public Event create(Organizer organizer, EventDraft draft) {
		return create(organizer, draft, null);
	}

	/** Creates the event, realizing {@code proposalId} when given. */
	@Transactional
	public Event create(Organizer organizer, EventDraft draft, @Nullable UUID proposalId) {
		UUID businessId = draft.businessId() != null ? draft.businessId() : organizer.businessId();
		organizer.requireOrganizerOf(businessId);
		ZoneId zone = zones.zone();
		Instant now = clock.instant();
		Instant starts = ProgramZone.toInstant(draft.startsAt(), zone);
		Instant ends = ProgramZone.toInstant(draft.endsAt(), zone);
		if (!starts.isAfter(now)) {
			throw KrugException.field(EventsError.INVALID_EVENT, "starts_at", "must be in the future");
		}
		BusinessSummary business = business(businessId);
		EventFormat format = Keys.parse(EventFormat.class, draft.format());
		MemberStatus minStatus = draft.minStatus() == null ? MemberStatus.INSIDER : MemberStatus.fromKey(draft.minStatus());
		String organizerName = draft.organizerName() != null ? draft.organizerName()
				: business != null ? business.name() : programs.get(TenantContext.require()).name();
		Event event = new Event(Ids.newId(), draft.title().strip(), draft.description(), draft.fullDescription(),
				draft.type(), format, price(draft.price()), starts, ends, businessId, draft.locationAddress(),
				draft.maxParticipants(), 0, minStatus, draft.coverImageUrl(), list(draft.program()),
				list(draft.speakers()), list(draft.whatToBring()), list(draft.gallery()),
				business != null ? "business" : "platform", organizerName, Boolean.TRUE.equals(draft.allowPlusOne()),
				draft.paidCancellationCutoffHours() == null ? DEFAULT_CUTOFF_HOURS : draft.paidCancellationCutoffHours(),
				proposalId, null, null, organizer.actor(), now, now);
		validate(event);
		events.insert(event);
		return event;
	}

	@Transactional
	public Event update(Organizer organizer, UUID id, EventChanges changes) {
		Instant now = clock.instant();
		Event current = events.lock(id).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + id + "."));
		organizer.requireOrganizerOf(current.businessId());
		if (current.isCancelled()) {
			throw EventsError.EVENT_CANCELLED.exception("A cancelled event cannot change.");
		}
		if (changes.businessId() != null) {
			organizer.requireOrganizerOf(changes.businessId());
		}
		if (changes.changesPricing() && !registrationRows.liveOf(id).isEmpty()) {
			throw EventsError.EVENT_HAS_REGISTRATIONS
				.exception("Format and price cannot change once members have registered.");
		}
		if (changes.maxParticipants() != null && changes.maxParticipants() < current.seatsTaken()) {
			throw EventsError.CAPACITY_BELOW_SEATS_TAKEN.exception(
					current.seatsTaken() + " seats are taken; cancel registrations before lowering the capacity.");
		}
		Event changed = EventMerge.apply(current, changes, zones.zone(), business(changes.businessId()), now);
		validate(changed);
		events.update(changed);
		registrations.promote(id, organizer.actor(), now);
		return events.find(id).orElseThrow();
	}

	/** Cancels the event; every registration is cancelled and refunded in full. */
	@Transactional
	public Event cancel(Organizer organizer, UUID id, String reason) {
		Instant now = clock.instant();
		Event event = events.lock(id).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + id + "."));
		organizer.requireOrganizerOf(event.businessId());
		if (event.isCancelled()) {
			return event;
		}
		if (!event.endsAt().isAfter(now)) {
			throw EventsError.REGISTRATION_CLOSED.exception("The event is over; it can no longer be cancelled.");
		}
		registrations.cancelEvent(event, organizer.actor(), now);
		events.cancel(id, reason, now);
		return events.find(id).orElseThrow();
	}

	private @Nullable BusinessSummary business(@Nullable UUID businessId) {
		if (businessId == null) {
			return null;
		}
		return partners.findBusiness(businessId)
			.filter(BusinessSummary::active)
			.orElseThrow(() -> KrugException.field(EventsError.BUSINESS_NOT_FOUND, "business_id",
					"no active business " + businessId + " in this program"));
	}

	private static void validate(Event event) {
		if (!event.endsAt().isAfter(event.startsAt())) {
			throw KrugException.field(EventsError.INVALID_EVENT, "ends_at", "must be after starts_at");
		}
		if (event.isPaid() != (event.price().signum() > 0)) {
			throw KrugException.field(EventsError.INVALID_EVENT, "price",
					"a paid event has a positive price; free and closed events have none");
		}
		if (event.format() == EventFormat.CLOSED && !Keys.atLeast(event.minStatus(), MemberStatus.ELITE)) {
			throw KrugException.field(EventsError.INVALID_EVENT, "min_status",
					"closed events are for elite or inner_circle members");
		}
	}

	private static BigDecimal price(@Nullable BigDecimal price) {
		return Money.round(price == null ? BigDecimal.ZERO : price);
	}

	private static <T> List<T> list(@Nullable List<T> items) {
		return items == null ? List.of() : List.copyOf(items);
	}
}
