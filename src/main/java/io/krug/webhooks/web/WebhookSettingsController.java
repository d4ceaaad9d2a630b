package io.krug.webhooks.web;

import io.krug.identity.KrugPrincipal;
import io.krug.webhooks.internal.EndpointService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/webhooks/settings")
@Tag(name = "Webhooks")
class WebhookSettingsController {

	private static final String ADMIN = "hasAuthority('manage_program') or hasAuthority('SCOPE_webhooks:manage')";

	private final EndpointService endpoints;

	WebhookSettingsController(EndpointService endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping
	@PreAuthorize(ADMIN)
	@Operation(summary = "The program's webhook settings", description = "member_endpoints_allowed (default false): "
			+ "members may own endpoints that receive events about themselves.")
	Views.Settings get() {
		return new Views.Settings(endpoints.memberEndpointsAllowed());
	}

	@PutMapping
	@PreAuthorize(ADMIN)
	@Operation(summary = "Change the program's webhook settings", description = "While members are not allowed, "
			+ "their existing endpoints receive nothing and cannot be managed.")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	Views.Settings put(@Valid @RequestBody Views.Settings body) {
		return new Views.Settings(
				endpoints.allowMemberEndpoints(body.memberEndpointsAllowed(), KrugPrincipal.require().actor()));
	}
}
