package io.krug.integrations.sync;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.sync.IntegrationViews.ConnectorView;
import io.krug.integrations.sync.IntegrationViews.CreateRequest;
import io.krug.integrations.sync.IntegrationViews.IntegrationList;
import io.krug.integrations.sync.IntegrationViews.IntegrationView;
import io.krug.integrations.sync.IntegrationViews.TestResult;
import io.krug.integrations.sync.IntegrationViews.UpdateRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Validated
@Tag(name = "Integrations", description = """
		Connections of a business to its own CRM or POS (seed 003 "Интеграционный слой"): each connector reads the \
		system's sales, which become purchases through the same pipeline as POST /api/v1/purchases (external id \
		<system>:<sale id>, channel integration, actor integration:<id>). Synced every 15 minutes by default, from \
		where the last run ended with a 10-minute overlap. Business owners (configure_integrations) configure their \
		own business's integrations; platform admins every business's. Secrets are stored encrypted and never \
		returned.""")
class IntegrationController {

	static final String CONFIGURE = "hasAuthority('configure_integrations')";

	private final IntegrationService integrations;

	private final SyncEngine engine;

	private final Connectors connectors;

	private final Clock clock;

	private final JsonMapper json;

	IntegrationController(IntegrationService integrations, SyncEngine engine, Connectors connectors, Clock clock,
			JsonMapper json) {
		this.integrations = integrations;
		this.engine = engine;
		this.connectors = connectors;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping("/api/v1/admin/integrations/connectors")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "The systems Krug can connect to, with the settings and secrets each needs")
	List<ConnectorView> connectors() {
		return connectors.specs().stream()
			.map(s -> new ConnectorView(s.system(), s.displayName(), s.settings(), s.optionalSettings(), s.secrets(),
					s.webhooks()))
			.toList();
	}

	@PostMapping("/api/v1/admin/businesses/{businessId}/integrations")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "Connect a business's system",
			description = "Settings are checked against the connector's spec. The first sync starts at sync_from "
					+ "(1 day ago by default) and runs within a minute.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	@ApiResponse(responseCode = "409", description = "integration_exists")
	@ApiResponse(responseCode = "422", description = "validation_failed (a required setting or secret missing, "
			+ "an unknown setting), unknown_system")
	ResponseEntity<IntegrationView> create(@PathVariable UUID businessId, @Valid @RequestBody CreateRequest request) {
		Integration created = integrations.create(businessId, request.system().strip().toLowerCase(Locale.ROOT),
				request.config());
		return ResponseEntity.created(URI.create("/api/v1/admin/businesses/" + businessId + "/integrations/"
				+ created.id())).body(view(created));
	}

	@GetMapping("/api/v1/admin/businesses/{businessId}/integrations")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "A business's integrations")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	IntegrationList listOfBusiness(@PathVariable UUID businessId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		integrations.requireBusiness(businessId);
		return list(businessId, limit, offset);
	}

	@GetMapping("/api/v1/admin/integrations")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "Integrations with their sync health",
			description = "Status (active, failing), last success, last error, lag (seconds since the end of the "
					+ "last synced window), next run. Business owners see only their business's.")
	@ApiResponse(responseCode = "404", description = "business_not_found: a business owner asking for another "
			+ "business")
	IntegrationList list(@RequestParam(name = "business_id", required = false) @Nullable UUID businessId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		var page = integrations.list(businessId, limit, offset);
		return new IntegrationList(page.items().stream().map(this::view).toList(), page.total());
	}

	@GetMapping("/api/v1/admin/businesses/{businessId}/integrations/{id}")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "An integration")
	@ApiResponse(responseCode = "404", description = "integration_not_found")
	IntegrationView get(@PathVariable UUID businessId, @PathVariable UUID id) {
		return view(ofBusiness(businessId, id));
	}

	@PutMapping("/api/v1/admin/businesses/{businessId}/integrations/{id}")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "Change an integration's settings",
			description = "Replaces the settings; secrets not named keep their stored values. The next run is due "
					+ "at once.")
	@ApiResponse(responseCode = "404", description = "integration_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	IntegrationView update(@PathVariable UUID businessId, @PathVariable UUID id,
			@Valid @RequestBody UpdateRequest request) {
		ofBusiness(businessId, id);
		return view(integrations.update(id, request.config()));
	}

	@DeleteMapping("/api/v1/admin/businesses/{businessId}/integrations/{id}")
	@PreAuthorize(CONFIGURE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disconnect", description = "Purchases already recorded stay.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "integration_not_found")
	void delete(@PathVariable UUID businessId, @PathVariable UUID id) {
		ofBusiness(businessId, id);
		integrations.delete(id);
	}

	@PostMapping("/api/v1/admin/businesses/{businessId}/integrations/{id}/test")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "Test the connection", description = "One cheap call to the system with the stored "
			+ "settings. ok=false carries the failure's kind (config, auth, rate_limited, unavailable, malformed).")
	@ApiResponse(responseCode = "200", description = "The outcome")
	@ApiResponse(responseCode = "404", description = "integration_not_found")
	TestResult test(@PathVariable UUID businessId, @PathVariable UUID id) {
		ofBusiness(businessId, id);
		try {
			integrations.test(id);
			return new TestResult(true, null, null);
		}
		catch (ConnectorException ex) {
			return new TestResult(false, ex.kind().name().toLowerCase(Locale.ROOT), ex.getMessage());
		}
	}

	@PostMapping("/api/v1/admin/businesses/{businessId}/integrations/{id}/sync")
	@PreAuthorize(CONFIGURE)
	@Operation(summary = "Sync now", description = "Runs a sync at once and answers the integration after it, with "
			+ "the run's counters in last_run. A failed run counts as a failure like a scheduled one.")
	@ApiResponse(responseCode = "200", description = "The integration after the run")
	@ApiResponse(responseCode = "404", description = "integration_not_found")
	@ApiResponse(responseCode = "409", description = "sync_in_progress")
	IntegrationView sync(@PathVariable UUID businessId, @PathVariable UUID id) {
		ofBusiness(businessId, id);
		engine.syncNow(id);
		return view(integrations.get(id));
	}

	private Integration ofBusiness(UUID businessId, UUID id) {
		Integration integration = integrations.get(id);
		if (!integration.businessId().equals(businessId)) {
			throw IntegrationError.INTEGRATION_NOT_FOUND.exception("No integration " + id + ".");
		}
		return integration;
	}

	private IntegrationView view(Integration integration) {
		String webhookUrl = connectors.get(integration.system()).spec().webhooks()
				? ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/api/v1/integrations/{id}/webhook")
					.queryParam("token", integrations.webhookToken(integration))
					.buildAndExpand(integration.id())
					.toUriString()
				: null;
		return IntegrationView.of(integration, webhookUrl, clock.instant(), json);
	}
}
