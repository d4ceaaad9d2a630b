package io.krug.events.web;

import io.krug.events.internal.EventCatalog;
import io.krug.events.internal.EventFilter;
import io.krug.events.internal.Registrations;
import io.krug.events.internal.Reviews;
import io.krug.events.internal.Tickets;
import io.krug.identity.KrugPrincipal;
import io.krug.platform.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = """
		The club's events (seed 003 "Мероприятия"): members list them, register (a full event puts them on the \
		waitlist, served in order as seats free up), pay paid events with bonuses, show their ticket at the door. \
		Times are local date-times in the program's time zone (time_zone).""")
class EventsController {

	static final String MEMBERS = "hasAuthority('register_for_open_events')";

	private final EventCatalog catalog;

	private final Registrations registrations;

	private final Tickets tickets;

	private final Reviews reviews;

	EventsController(EventCatalog catalog, Registrations registrations, Tickets tickets, Reviews reviews) {
		this.catalog = catalog;
		this.registrations = registrations;
		this.tickets = tickets;
		this.reviews = reviews;
	}

	@GetMapping
	@PreAuthorize(MEMBERS)
	@Operation(summary = "List events", description = "status: upcoming (default; not over, not cancelled, soonest "
			+ "first), past (latest first), cancelled or all. format: free/paid/closed. from/to: days of the start "
			+ "(program time zone). registered=true: only the caller's registrations. Each event says whether the "
			+ "caller is registered and can register (status high enough, not started, not registered yet).")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	EventViews.EventList list(
			@RequestParam(defaultValue = "upcoming") @Pattern(regexp = "upcoming|past|cancelled|all") String status,
			@RequestParam(required = false) @Nullable @Pattern(regexp = "free|paid|closed") String format,
			@RequestParam(name = "business_id", required = false) @Nullable UUID businessId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(defaultValue = "false") boolean registered,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		EventFilter filter = new EventFilter(status, format, businessId, from, to, registered, limit, offset);
		return EventViews.EventList.of(catalog.list(filter, Callers.memberOrNull()));
	}

	@GetMapping("/{id}")
	@PreAuthorize(MEMBERS)
	@Operation(summary = "An event in full, with its programme, speakers, rating and latest reviews")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	EventViews.EventView get(@PathVariable UUID id) {
		return EventViews.EventView.of(catalog.one(id, Callers.memberOrNull()), reviews.ofEvent(id),
				reviews.latest(id, 20));
	}

	@PostMapping("/{id}/register")
	@PreAuthorize(MEMBERS)
	@Idempotent(required = false)
	@Operation(summary = "Register for an event", description = "confirmed when a seat is free (a plus-one takes a "
			+ "second seat) and nobody is waiting, else waitlist. A paid event takes price × seats from the member's "
			+ "available bonuses now (waitlisted too: refunded in full if no seat comes). Idempotency-Key optional.")
	@ApiResponse(responseCode = "201", description = "confirmed or waitlist")
	@ApiResponse(responseCode = "403", description = "status_too_low (required_status says which), members_only")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	@ApiResponse(responseCode = "409", description = "already_registered, event_cancelled, registration_closed")
	@ApiResponse(responseCode = "422", description = "plus_one_not_allowed, insufficient_balance, validation_failed")
	ResponseEntity<RegistrationViews.RegistrationView> register(@PathVariable UUID id,
			@Valid @RequestBody(required = false) RegistrationViews.@Nullable EventRegistrationRequest body) {
		UUID member = Callers.member();
		boolean plusOne = body != null && Boolean.TRUE.equals(body.plusOne());
		Registrations.Outcome outcome = registrations.register(id, member, plusOne,
				body == null ? null : body.dietaryRestrictions(), KrugPrincipal.require().actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(RegistrationViews.RegistrationView.of(outcome));
	}

	@DeleteMapping("/{id}/register")
	@PreAuthorize(MEMBERS)
	@Operation(summary = "Cancel the caller's registration", description = "Refunds a paid registration when "
			+ "waitlisted or cancelled before refundable_until; later, no refund. The freed seats go to the waitlist "
			+ "at once, in order.")
	@ApiResponse(responseCode = "200", description = "The cancelled registration, with refunded_amount")
	@ApiResponse(responseCode = "404", description = "event_not_found, not_registered")
	@ApiResponse(responseCode = "409", description = "registration_closed (the event has started)")
	RegistrationViews.RegistrationView cancel(@PathVariable UUID id) {
		return RegistrationViews.RegistrationView
			.of(registrations.cancel(id, Callers.member(), KrugPrincipal.require().actor()), null);
	}

	@GetMapping("/{id}/ticket")
	@PreAuthorize(MEMBERS)
	@Operation(summary = "The caller's ticket: code and QR code (SVG) to show at the door")
	@ApiResponse(responseCode = "404", description = "event_not_found, not_registered")
	@ApiResponse(responseCode = "409", description = "not_confirmed (still on the waitlist)")
	RegistrationViews.TicketView ticket(@PathVariable UUID id) {
		return RegistrationViews.TicketView.of(tickets.ticket(id, Callers.member()));
	}
}
