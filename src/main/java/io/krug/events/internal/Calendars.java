package io.krug.events.internal;

import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Events as iCalendar: one event, or a member's feed of the events they hold a seat at. */
@Service
public class Calendars {

	private final EventRepository events;

	private final RegistrationRepository registrations;

	private final PartnersApi partners;

	private final Programs programs;

	private final Clock clock;

	Calendars(EventRepository events, RegistrationRepository registrations, PartnersApi partners, Programs programs,
			Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.partners = partners;
		this.programs = programs;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public String event(UUID eventId) {
		Event event = events.find(eventId).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
		return write(event.title(), List.of(event));
	}

	/** The member's confirmed registrations, soonest first. */
	@Transactional(readOnly = true)
	public String personal(UUID memberId) {
		List<Event> mine = registrations.confirmedEvents(memberId)
			.stream()
			.map(events::find)
			.flatMap(java.util.Optional::stream)
			.toList();
		return write(programs.get(TenantContext.require()).name() + ": мои мероприятия", mine);
	}

	private String write(String name, List<Event> list) {
		List<UUID> businesses = list.stream().map(Event::businessId).filter(Objects::nonNull).distinct().toList();
		Map<UUID, String> names = businesses.isEmpty() ? Map.of() : partners.businessNames(businesses);
		List<ICalendar.Entry> entries = list.stream()
			.map(e -> new ICalendar.Entry(e.id(), e.title(), location(e, names), description(e), e.startsAt(),
					e.endsAt(), e.isCancelled()))
			.toList();
		return ICalendar.write(name, entries, clock.instant());
	}

	private static @Nullable String location(Event event, Map<UUID, String> names) {
		String business = event.businessId() == null ? null : names.get(event.businessId());
		String joined = String.join(", ",
				Stream.of(business, event.locationAddress()).filter(s -> s != null && !s.isBlank()).toList());
		return joined.isEmpty() ? null : joined;
	}

	private static @Nullable String description(Event event) {
		String text = event.fullDescription() != null ? event.fullDescription() : event.description();
		if (event.program().isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text == null ? "" : text + "\n\n");
		event.program().forEach(item -> out.append(item.time()).append(" — ").append(item.activity()).append('\n'));
		return out.toString().strip();
	}
}
