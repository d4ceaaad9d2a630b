package io.krug.events.web;

import io.krug.events.internal.Event;
import io.krug.events.internal.EventAdmin;
import io.krug.events.internal.EventCatalog;
import io.krug.events.internal.EventChanges;
import io.krug.events.internal.EventDraft;
import io.krug.events.internal.EventFilter;
import io.krug.events.internal.Organizer;
import io.krug.events.internal.Registrations;
import io.krug.events.internal.Reviews;
import io.krug.identity.KrugPrincipal;
import io.krug.platform.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/events")
@Tag(name = "Admin: events", description = """
		Organizing events. Platform admins organize any event; business owners those at their own business; \
		business managers see their business's events and registrations and register members at the door.""")
class AdminEventsController {

	static final String ORGANIZERS = "hasAuthority('manage_program') or hasRole('BUSINESS_OWNER')";

	static final String STAFF = "hasAuthority('manage_program') or hasAnyRole('BUSINESS_OWNER', 'BUSINESS_MANAGER')";

	private final EventAdmin admin;

	private final EventCatalog catalog;

	private final Registrations registrations;

	private final Reviews reviews;

	AdminEventsController(EventAdmin admin, EventCatalog catalog, Registrations registrations, Reviews reviews) {
		this.admin = admin;
		this.catalog = catalog;
		this.registrations = registrations;
		this.reviews = reviews;
	}

	record CancelRequest(@Schema(example = "Сомелье заболела") @NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping
	@PreAuthorize(ORGANIZERS)
	@Operation(summary = "Create an event", description = "starts_at/ends_at are local date-times in the program's "
			+ "time zone. A business owner's event is at their business.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_event, business_not_found")
	ResponseEntity<EventViews.EventView> create(@Valid @RequestBody EventDraft body) {
		Event event = admin.create(organizer(), body);
		return ResponseEntity.created(URI.create("/api/v1/admin/events/" + event.id())).body(view(event.id()));
	}

	@GetMapping
	@PreAuthorize(STAFF)
	@Operation(summary = "List events; business staff see their business's only", description = "Filters as "
			+ "GET /api/v1/events; status defaults to all.")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	EventViews.EventList list(
			@RequestParam(defaultValue = "all") @Pattern(regexp = "upcoming|past|cancelled|all") String status,
			@RequestParam(required = false) @Nullable @Pattern(regexp = "free|paid|closed") String format,
			@RequestParam(name = "business_id", required = false) @Nullable UUID businessId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		Organizer organizer = organizer();
		UUID business = organizer.admin() ? businessId : organizer.businessId();
		return EventViews.EventList
			.of(catalog.list(new EventFilter(status, format, business, from, to, false, limit, offset), null));
	}

	@GetMapping("/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "An event")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	EventViews.EventView get(@PathVariable UUID id) {
		organizer().requireStaffOf(catalog.get(id));
		return view(id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize(ORGANIZERS)
	@Operation(summary = "Change some fields of an event", description = "Absent fields stay; \"\" clears an "
			+ "optional text, [] a list. A larger max_participants promotes waitlisted members at once.")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	@ApiResponse(responseCode = "409", description = "event_has_registrations (format/price), event_cancelled")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_event, capacity_below_seats_taken")
	EventViews.EventView update(@PathVariable UUID id, @Valid @RequestBody EventChanges body) {
		admin.update(organizer(), id, body);
		return view(id);
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(ORGANIZERS)
	@Operation(summary = "Cancel an event: every registration is cancelled and refunded in full")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	@ApiResponse(responseCode = "409", description = "registration_closed (the event is over)")
	EventViews.EventView cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest body) {
		admin.cancel(organizer(), id, body.reason());
		return view(id);
	}

	@GetMapping("/{id}/registrations")
	@PreAuthorize(STAFF)
	@Operation(summary = "The event's registrations in order of registration, cancelled ones included")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	RegistrationViews.RegistrationList registrations(@PathVariable UUID id,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		Registrations.Page page = registrations.list(organizer(), id, limit, offset);
		return new RegistrationViews.RegistrationList(
				page.items().stream().map(r -> RegistrationViews.RegistrationView.of(r, null)).toList(), page.total());
	}

	@PostMapping("/{id}/registrations")
	@PreAuthorize(STAFF)
	@Idempotent(required = false)
	@Operation(summary = "Register a member on their behalf", description = "The member's own rules apply: "
			+ "minimum status, waitlist, payment from the member's bonuses.")
	@ApiResponse(responseCode = "201", description = "confirmed or waitlist")
	@ApiResponse(responseCode = "403", description = "status_too_low, not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found, member_not_found")
	@ApiResponse(responseCode = "409", description = "already_registered, event_cancelled, registration_closed")
	@ApiResponse(responseCode = "422", description = "plus_one_not_allowed, insufficient_balance, validation_failed")
	ResponseEntity<RegistrationViews.RegistrationView> register(@PathVariable UUID id,
			@Valid @RequestBody RegisterMember body) {
		Registrations.Outcome outcome = registrations.registerFor(organizer(), id, body.memberId(),
				Boolean.TRUE.equals(body.plusOne()), body.dietaryRestrictions());
		return ResponseEntity.status(HttpStatus.CREATED).body(RegistrationViews.RegistrationView.of(outcome));
	}

	record RegisterMember(@NotNull UUID memberId, @Nullable Boolean plusOne,
			@Nullable @Size(max = 500) String dietaryRestrictions) {
	}

	private EventViews.EventView view(UUID id) {
		return EventViews.EventView.of(catalog.one(id, null), reviews.ofEvent(id), reviews.latest(id, 20));
	}

	private static Organizer organizer() {
		return Organizer.of(KrugPrincipal.require());
	}
}
