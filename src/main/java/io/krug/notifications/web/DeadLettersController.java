package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notifications administration", description = """
		Messages that could not be delivered: retries used up (10 s, 30 s, 60 s), a permanent rejection (5xx SMTP \
		reply), or a send whose outcome is unknown because its worker died mid-send (outcome_unknown: it may or may \
		not have arrived, so it is never resent automatically).""")
class DeadLettersController {

	private final DeadLetters deadLetters;

	DeadLettersController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping("/api/v1/admin/notifications/dead-letters")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Dead letters of the program", description = "Newest first, each with its status history.")
	@ApiResponse(responseCode = "200", description = "The dead letters")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	DeadLetters.Page list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return deadLetters.list(KrugPrincipal.require().programId().value(), limit, offset);
	}

	@PostMapping("/api/v1/admin/notifications/dead-letters/{id}/retry")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Send a dead letter again", description = "Back to the queue, due now, attempts reset.")
	@ApiResponse(responseCode = "200", description = "Queued again")
	@ApiResponse(responseCode = "404", description = "notification_not_found")
	@ApiResponse(responseCode = "409", description = "not_a_dead_letter: the message is not failed")
	Map<String, Object> retry(@PathVariable UUID id) {
		KrugPrincipal me = KrugPrincipal.require();
		deadLetters.retry(me.programId().value(), id, me.actor());
		return Map.of("id", id, "status", "queued");
	}
}
