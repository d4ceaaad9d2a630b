package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.Inbox;
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
@Tag(name = "Notifications", description = "The member's in-app inbox.")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/notifications")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "The caller's in-app notifications", description = "Newest first, with total and "
			+ "unread_count (of all the member's in-app notifications, not only this page).")
	@ApiResponse(responseCode = "200", description = "The inbox page")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member token")
	Inbox.Page list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		KrugPrincipal me = KrugPrincipal.require();
		return inbox.list(me.programId().value(), me.id(), limit, offset);
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "Mark one notification read")
	@ApiResponse(responseCode = "200", description = "Read")
	@ApiResponse(responseCode = "404", description = "notification_not_found: no such notification of the caller")
	Map<String, Object> read(@PathVariable UUID id) {
		KrugPrincipal me = KrugPrincipal.require();
		inbox.markRead(me.programId().value(), me.id(), id);
		return Map.of("id", id, "read", true);
	}

	@PostMapping("/api/v1/notifications/read-all")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "Mark every notification read", description = "Returns how many were unread.")
	@ApiResponse(responseCode = "200", description = "Read")
	Map<String, Object> readAll() {
		KrugPrincipal me = KrugPrincipal.require();
		return Map.of("marked_read", inbox.markAllRead(me.programId().value(), me.id()));
	}
}
