package io.krug.loyalty.rules;

import io.krug.identity.KrugPrincipal;
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
@RequestMapping("/api/v1/admin/program/rules")
@Tag(name = "Loyalty rules")
class LoyaltyRulesController {

	private final LoyaltyRulesService rules;

	LoyaltyRulesController(LoyaltyRulesService rules) {
		this.rules = rules;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's loyalty rules", description = "Cashback and new-category multipliers per "
			+ "status, return window, expiry, share of a check payable with bonuses, events-budget share, commission "
			+ "schedule, status thresholds. The seed's values until changed.")
	LoyaltyRules get() {
		return rules.current();
	}

	@PutMapping
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Replace the program's loyalty rules", description = "Applies to purchases recorded from "
			+ "now on; past postings are not recomputed.")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	LoyaltyRules put(@Valid @RequestBody LoyaltyRules body) {
		return rules.update(body, KrugPrincipal.require().actor());
	}
}
