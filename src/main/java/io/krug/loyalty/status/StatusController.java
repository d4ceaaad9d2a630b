package io.krug.loyalty.status;

import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/loyalty")
@Validated
@Tag(name = "Loyalty status")
@PreAuthorize("hasAuthority('view_own_profile')")
class StatusController {

	private final StatusQueries queries;

	StatusController(StatusQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/status-progress")
	@Operation(summary = "The caller's status and progress to the next one", description = "Statuses are measured "
			+ "over a rolling 12 months in the program's time zone: purchases after window_start (the same moment 12 "
			+ "calendar months ago) count with their net amount (amount minus refunds). current_status is the stored "
			+ "status (recomputed on every purchase and refund, and nightly); next_status is null at the top. "
			+ "progress compares the window's net spend and distinct categories with the next status's thresholds. "
			+ StatusProgress.PERCENTAGE_RULE + " benefits are the current status's privileges (seed 003).")
	@ApiResponse(responseCode = "200", description = "Status and progress")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member token")
	StatusProgress progress() {
		return queries.progress(KrugPrincipal.require().id());
	}

	@GetMapping("/status-history")
	@Operation(summary = "The caller's status changes", description = "Newest first. reason is purchase, refund, "
			+ "nightly (purchases left the 12-month window, the top-spender cutoff moved), invitation or revocation "
			+ "(of the inner circle).")
	@ApiResponse(responseCode = "200", description = "The changes and their total")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member token")
	@ApiResponse(responseCode = "422", description = "validation_failed: limit or offset out of range")
	StatusQueries.StatusHistory history(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return queries.history(KrugPrincipal.require().id(), limit, offset);
	}
}
