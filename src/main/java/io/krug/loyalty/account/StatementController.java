package io.krug.loyalty.account;

import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner settlement", description = """
		What bonuses cost and earn partners. A business funds the bonuses its customers earn and owes their value \
		to whichever partner they are spent at; it owes the club the platform commission and its events-budget \
		contributions. Months are calendar months in the program's time zone: a posting at 23:30 local time on \
		the month's last day belongs to that month.""")
class StatementController {

	private static final String MONTH = "A month as YYYY-MM in the program's time zone; the current month when "
			+ "absent";

	private final Statements statements;

	StatementController(Statements statements) {
		this.statements = statements;
	}

	@GetMapping("/api/v1/businesses/{id}/statement")
	@PreAuthorize("hasAuthority('view_own_business_analytics') or hasAuthority('manage_ledger')")
	@Operation(summary = "A business's monthly statement", description = """
			For the business's owner and managers, and for admins. Sign conventions: purchases and bonuses \
			figures, commission, events_budget and losses are non-negative magnitudes (commission and \
			events_budget are what the business owes the club, net of anything returned on refunds; losses are \
			refund shortfalls, shown for information and not part of net). Each partners row and the club row \
			has a direction (payable: this business pays; receivable: it is paid) and a non-negative amount. net \
			is signed: positive, the business receives that much for the month; negative, it pays; it equals \
			the receivables minus the payables of all rows, partners and club together. settlement_balance is \
			signed the same way and covers everything not yet paid up to the end of the month.""")
	@ApiResponse(responseCode = "200", description = "The statement")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not business staff or an admin")
	@ApiResponse(responseCode = "404", description = "business_not_found: no such business, or another one's")
	@ApiResponse(responseCode = "422", description = "validation_failed: month is not YYYY-MM")
	StatementViews.Statement statement(@PathVariable UUID id,
			@RequestParam(required = false) @Parameter(description = MONTH,
					example = "2025-10") @Nullable String month) {
		return statements.statement(KrugPrincipal.require(), id, month);
	}

	@GetMapping("/api/v1/admin/ledger/settlement")
	@PreAuthorize("hasAuthority('manage_ledger')")
	@Operation(summary = "Net payables between partners for a month", description = """
			One row per pair of parties with a non-zero net for the month: the payer owes the payee amount \
			(positive). The club (the program itself, type club) is a party too: it receives commission and \
			events-budget contributions and pays for bonuses it funded that were spent at a business.""")
	@ApiResponse(responseCode = "200", description = "The payables")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	@ApiResponse(responseCode = "422", description = "validation_failed: month is not YYYY-MM")
	StatementViews.Settlement settlement(@RequestParam(required = false) @Parameter(description = MONTH,
			example = "2025-10") @Nullable String month) {
		return statements.settlement(month);
	}
}
