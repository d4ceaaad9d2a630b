package io.krug.events.web;

import io.krug.events.internal.Organizer;
import io.krug.events.internal.Tickets;
import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events: door", description = "Staff of the event's business (or admins) check members in by ticket.")
class DoorController {

	private final Tickets tickets;

	DoorController(Tickets tickets) {
		this.tickets = tickets;
	}

	@PostMapping("/api/v1/events/{id}/check-ins")
	@PreAuthorize("hasAuthority('manage_program') or hasAuthority('scan_qr_codes')")
	@Operation(summary = "Check a member in by ticket code", description = "Once per ticket; open from 6 hours "
			+ "before the start to 6 hours after the end. Counts toward the member's events_attended and the "
			+ "party_goer badge (10 events).")
	@ApiResponse(responseCode = "201", description = "Checked in")
	@ApiResponse(responseCode = "403", description = "not_your_business")
	@ApiResponse(responseCode = "404", description = "event_not_found, ticket_not_found")
	@ApiResponse(responseCode = "409",
			description = "already_checked_in (checked_in_at says when), not_confirmed, check_in_closed, event_cancelled")
	ResponseEntity<RegistrationViews.CheckInView> checkIn(@PathVariable UUID id,
			@Valid @RequestBody RegistrationViews.CheckInRequest body) {
		Tickets.CheckIn checkIn = tickets.checkIn(Organizer.of(KrugPrincipal.require()), id, body.ticketCode());
		return ResponseEntity.status(HttpStatus.CREATED).body(RegistrationViews.CheckInView.of(checkIn));
	}
}
