package io.krug.events.web;

import io.krug.events.internal.EventsSettings;
import io.krug.events.internal.EventsSettingsService;
import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: events")
class SettingsController {

	private final EventsSettingsService settings;

	SettingsController(EventsSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/api/v1/admin/events/settings")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Vote weights by status and the events budget's split by level")
	EventsSettings get() {
		return settings.current();
	}

	@PutMapping("/api/v1/admin/events/settings")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Replace the events settings", description = "Weights apply to votes cast from now on; "
			+ "shares to allocations from now on and must add up to 1.")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	EventsSettings put(@Valid @RequestBody EventsSettings body) {
		return settings.update(body, KrugPrincipal.require().actor());
	}
}
