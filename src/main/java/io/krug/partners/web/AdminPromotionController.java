package io.krug.partners.web;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.NewPromotion;
import io.krug.partners.internal.Page;
import io.krug.partners.internal.Promotion;
import io.krug.partners.internal.PromotionChanges;
import io.krug.partners.internal.PromotionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
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
@RequestMapping("/api/v1/admin/businesses/{businessId}/promotions")
@Tag(name = "Admin: promotions", description = """
		A business's bonus multipliers. A promotion runs from valid_from (inclusive) to valid_until (exclusive, \
		open-ended when absent), both instants (ISO-8601 with offset). When several run at once the highest \
		multiplier wins. The business's owner (create_promotions) and platform admins run them; managers view.""")
class AdminPromotionController {

	private static final String RUN = "hasAnyAuthority('manage_businesses', 'create_promotions')";

	private final PromotionService promotions;

	private final Clock clock;

	AdminPromotionController(PromotionService promotions, Clock clock) {
		this.promotions = promotions;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(AdminBusinessController.STAFF)
	@Operation(summary = "List a business's promotions, latest start first")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	Views.PromotionList list(@PathVariable UUID businessId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		Page<Promotion> page = promotions.list(KrugPrincipal.require(), businessId, limit, offset);
		return new Views.PromotionList(
				page.items().stream().map(p -> Views.PromotionView.of(p, clock.instant())).toList(), page.total());
	}

	@PostMapping
	@PreAuthorize(RUN)
	@Operation(summary = "Start (or schedule) a promotion")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "403", description = "business_read_only")
	@ApiResponse(responseCode = "404", description = "business_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_promotion_period")
	ResponseEntity<Views.PromotionView> create(@PathVariable UUID businessId,
			@Valid @RequestBody NewPromotion body) {
		Promotion created = promotions.create(KrugPrincipal.require(), businessId, body);
		return ResponseEntity
			.created(URI.create("/api/v1/admin/businesses/" + businessId + "/promotions/" + created.id()))
			.body(Views.PromotionView.of(created, clock.instant()));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(RUN)
	@Operation(summary = "Change a promotion; active=false pauses it")
	@ApiResponse(responseCode = "404", description = "business_not_found, promotion_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_promotion_period")
	Views.PromotionView update(@PathVariable UUID businessId, @PathVariable UUID id,
			@Valid @RequestBody PromotionChanges body) {
		return Views.PromotionView.of(promotions.update(KrugPrincipal.require(), businessId, id, body),
				clock.instant());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(RUN)
	@Operation(summary = "End a promotion now; what it already multiplied stays")
	@ApiResponse(responseCode = "204", description = "Ended")
	@ApiResponse(responseCode = "404", description = "business_not_found, promotion_not_found")
	ResponseEntity<Void> end(@PathVariable UUID businessId, @PathVariable UUID id) {
		promotions.end(KrugPrincipal.require(), businessId, id);
		return ResponseEntity.noContent().build();
	}
}
