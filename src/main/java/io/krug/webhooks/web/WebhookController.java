package io.krug.webhooks.web;

import io.krug.identity.KrugPrincipal;
import io.krug.webhooks.internal.Endpoint;
import io.krug.webhooks.internal.EndpointChanges;
import io.krug.webhooks.internal.EndpointService;
import io.krug.webhooks.internal.WebhookCatalog;
import io.krug.webhooks.internal.NewEndpoint;
import io.krug.webhooks.internal.WebhookPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = """
		Endpoints that receive the program's events, signed per Standard Webhooks (standardwebhooks.com): headers \
		webhook-id (the message id, the same on every retry: deduplicate on it), webhook-timestamp (epoch seconds of \
		the attempt) and webhook-signature (space-separated "v1,<base64 HMAC-SHA256 of id.timestamp.body>", one per \
		valid secret: two for 24 h after a rotation). Body: {"type", "timestamp", "data"}. Answer 2xx within 15 s; \
		anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±10%), honouring Retry-After on \
		429/503. 410 Gone disables the endpoint, as do five days of failures only. Admins (manage_program) and API \
		keys with webhooks:manage manage the program's endpoints; when the program allows it \
		(/api/v1/admin/webhooks/settings), members manage their own, which receive only events about them. \
		Custom headers may not set webhook-*, Content-Type, Content-Length, User-Agent, Host or hop-by-hop headers; \
		Authorization is allowed (for the receiver's own check).""")
class WebhookController {

	static final String MANAGE = "hasAuthority('manage_program') or hasAuthority('SCOPE_webhooks:manage')"
			+ " or hasAuthority('view_own_profile')";

	private final EndpointService endpoints;

	private final WebhookCatalog catalog;

	WebhookController(EndpointService endpoints, WebhookCatalog catalog) {
		this.endpoints = endpoints;
		this.catalog = catalog;
	}

	@PostMapping
	@PreAuthorize(MANAGE)
	@Operation(summary = "Create an endpoint", description = "The signing secret (whsec_…) is in this response "
			+ "only; Krug keeps it encrypted.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "403", description = "forbidden, member_endpoints_not_allowed")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_url, target_not_allowed, "
			+ "unknown_event_type, invalid_header, endpoint_limit_reached")
	ResponseEntity<Views.WebhookView> create(@Valid @RequestBody NewEndpoint body) {
		EndpointService.Created created = endpoints.create(KrugPrincipal.require(), body);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.endpoint().id()))
			.body(Views.WebhookView.of(created.endpoint(), created.secret()));
	}

	@GetMapping
	@PreAuthorize(MANAGE)
	@Operation(summary = "List endpoints, oldest first", description = "A member sees their own.")
	@ApiResponse(responseCode = "403", description = "forbidden, member_endpoints_not_allowed")
	Views.WebhookList list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		WebhookPage<Endpoint> page = endpoints.list(KrugPrincipal.require(), limit, offset);
		return new Views.WebhookList(page.items().stream().map(e -> Views.WebhookView.of(e, null)).toList(),
				page.total());
	}

	@GetMapping("/event-types")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The event catalog", description = "Every event type with the JSON Schema of its data "
			+ "and an example payload. Subscribe by exact name, by group (purchase.*) or to everything (*).")
	Views.EventTypeList eventTypes() {
		return new Views.EventTypeList(catalog.entries()
			.stream()
			.map(e -> new Views.EventTypeView(e.name(), e.description(), e.aboutMember(), e.schema(), e.example()))
			.toList());
	}

	@GetMapping("/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "One endpoint")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	Views.WebhookView get(@PathVariable UUID id) {
		return Views.WebhookView.of(endpoints.get(KrugPrincipal.require(), id), null);
	}

	@PatchMapping("/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Change an endpoint", description = "active=false pauses it (messages wait); active=true "
			+ "re-enables one delivery disabled.")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_url, target_not_allowed, "
			+ "unknown_event_type, invalid_header")
	Views.WebhookView update(@PathVariable UUID id, @Valid @RequestBody EndpointChanges body) {
		return Views.WebhookView.of(endpoints.update(KrugPrincipal.require(), id, body), null);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Delete an endpoint with its messages and delivery log")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		endpoints.delete(KrugPrincipal.require(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/rotate-secret")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Rotate the signing secret", description = "Returns the new secret. For 24 h deliveries "
			+ "carry signatures by both the new and the previous secret; then only the new one.")
	@ApiResponse(responseCode = "404", description = "webhook_not_found")
	Views.SecretView rotate(@PathVariable UUID id) {
		EndpointService.Rotated rotated = endpoints.rotateSecret(KrugPrincipal.require(), id);
		return new Views.SecretView(rotated.secret(), rotated.previousSecretExpiresAt());
	}
}
