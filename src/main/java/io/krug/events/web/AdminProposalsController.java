package io.krug.events.web;

import io.krug.events.internal.Event;
import io.krug.events.internal.EventCatalog;
import io.krug.events.internal.EventDraft;
import io.krug.events.internal.Organizer;
import io.krug.events.internal.Proposals;
import io.krug.events.internal.Reviews;
import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: events")
class AdminProposalsController {

	private final Proposals proposals;

	private final EventCatalog catalog;

	private final Reviews reviews;

	AdminProposalsController(Proposals proposals, EventCatalog catalog, Reviews reviews) {
		this.proposals = proposals;
		this.catalog = catalog;
		this.reviews = reviews;
	}

	@PostMapping("/api/v1/admin/events/proposals/{id}/event")
	@PreAuthorize(AdminEventsController.ORGANIZERS)
	@Operation(summary = "Realize an approved proposal as an event", description = "The body is the event, as "
			+ "POST /api/v1/admin/events; the proposal becomes realized and names the event.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "proposal_not_found")
	@ApiResponse(responseCode = "409", description = "proposal_not_approved")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_event, business_not_found")
	ResponseEntity<EventViews.EventView> realize(@PathVariable UUID id, @Valid @RequestBody EventDraft body) {
		Event event = proposals.realize(Organizer.of(KrugPrincipal.require()), id, body);
		return ResponseEntity.created(URI.create("/api/v1/admin/events/" + event.id()))
			.body(EventViews.EventView.of(catalog.one(event.id(), null), reviews.ofEvent(event.id()),
					reviews.latest(event.id(), 20)));
	}
}
