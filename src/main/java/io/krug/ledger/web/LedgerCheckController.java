package io.krug.ledger.web;

import io.krug.ledger.LedgerApi;
import io.krug.ledger.LedgerCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's invariant check, for admins and monitoring. */
@RestController
@Tag(name = "Ledger administration")
class LedgerCheckController {

	private final LedgerApi ledger;

	LedgerCheckController(LedgerApi ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/admin/ledger/check")
	@PreAuthorize("hasAuthority('manage_ledger')")
	@Operation(summary = "Check the ledger's invariants",
			description = "Entries and every transaction sum to zero; balance rows equal their entries and their lots; "
					+ "funders' liabilities equal their lots; reversals and restores stay within their originals. "
					+ "`ok` is false when any check failed; each failed check lists up to ten violations.")
	@ApiResponse(responseCode = "200", description = "The checks and whether all hold")
	LedgerCheck check() {
		return ledger.check();
	}
}
