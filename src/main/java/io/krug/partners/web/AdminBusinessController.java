package io.krug.partners.web;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessChanges;
import io.krug.partners.internal.BusinessFilter;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/api/v1/admin/businesses")
@Tag(name = "Admin: businesses", description = """
		Partner businesses. Platform admins (manage_businesses) manage all; a business's owner views and edits its \
		descriptive fields; its managers view it. Anyone else's business is 404.""")
class AdminBusinessController {

	static final String STAFF = "hasAuthority('manage_businesses') or hasAnyRole('BUSINESS_OWNER', 'BUSINESS_MANAGER')";

	private final BusinessService businesses;

	AdminBusinessController(BusinessService businesses) {
		this.businesses = businesses;
	}

	@GetMapping
	@PreAuthorize(STAFF)
	@Operation(summary = "List businesses by name; business staff see only their own")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	Views.BusinessList list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		Page<Business> page = businesses.list(KrugPrincipal.require(),
				new BusinessFilter(category, active, q, limit, offset));
		return new Views.BusinessList(page.items().stream().map(Views.BusinessView::of).toList(), page.total());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('manage_businesses')")
	@Operation(summary = "Add a business to the program (publishes BusinessJoined)")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "422", description = "validation_failed, unknown_category")
	ResponseEntity<Views.BusinessView> create(@Valid @RequestBody NewBusiness body) {
		Business created = businesses.create(KrugPrincipal.require(), body);
		return ResponseEntity.created(URI.create("/api/v1/admin/businesses/" + created.id()))
			.body(Views.BusinessView.of(created));
	}

	@GetMapping("/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Get a business")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	Views.BusinessView get(@PathVariable UUID id) {
		return Views.BusinessView.of(businesses.get(KrugPrincipal.require(), id));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Change some fields of a business",
			description = "Missing fields stay; \"\" clears a text field, [] a list. category_key, active and "
					+ "joined_at are for platform admins only.")
	@ApiResponse(responseCode = "403", description = "business_read_only, field_restricted")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, unknown_category")
	Views.BusinessView update(@PathVariable UUID id, @Valid @RequestBody BusinessChanges body) {
		return Views.BusinessView.of(businesses.update(KrugPrincipal.require(), id, body));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('manage_businesses')")
	@Operation(summary = "Deactivate a business (soft delete; publishes BusinessDeactivated)")
	@ApiResponse(responseCode = "204", description = "Deactivated")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	ResponseEntity<Void> deactivate(@PathVariable UUID id) {
		businesses.deactivate(KrugPrincipal.require(), id);
		return ResponseEntity.noContent().build();
	}
}
