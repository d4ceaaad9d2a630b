package io.krug.events.web;

import io.krug.events.internal.BudgetAllocations;
import io.krug.events.internal.BudgetLevel;
import io.krug.events.internal.EventsBudget;
import io.krug.events.internal.Organizer;
import io.krug.events.internal.ProgramZone;
import io.krug.identity.KrugPrincipal;
import io.krug.loyalty.purchases.MemberContributions;
import io.krug.platform.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events: budget", description = """
		The club's events budget (seed 003 "Бюджетирование мероприятий"): a share of every purchase (2% by default) \
		flows in; admins allocate it to events, each level (open 30%, vip 40%, elite 20%, reserve 10% by default) \
		up to its share of the month's inflow. Members see it all ("Наш общий бюджет").""")
class BudgetController {

	private final EventsBudget budget;

	private final ProgramZone zones;

	private final Clock clock;

	private final MemberContributions contributions;

	BudgetController(EventsBudget budget, ProgramZone zones, Clock clock, MemberContributions contributions) {
		this.contributions = contributions;
		this.budget = budget;
		this.zones = zones;
		this.clock = clock;
	}

	record AllocationRequest(@Schema(example = "15000.00") @NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
			@Schema(example = "vip", allowableValues = { "open", "vip", "elite", "reserve" }) @NotNull
			@Pattern(regexp = "open|vip|elite|reserve") String level,
			@Schema(example = "2026-11", description = "The month whose inflow it draws on; the current one when omitted")
			@Nullable YearMonth month, @Nullable @Size(max = 500) String note) {
	}

	record AllocationView(UUID allocationId, UUID eventId, @Schema(example = "Винный вечер") String eventTitle,
			LocalDateTime eventStartsAt, String level, @Schema(example = "2026-11") YearMonth month,
			@Schema(example = "15000.00") BigDecimal amount, UUID ledgerTransactionId, @Nullable String note,
			Instant allocatedAt) {

		static AllocationView of(BudgetAllocations.Line l) {
			return new AllocationView(l.id(), l.eventId(), l.eventTitle(), l.eventStartsAt(), l.level().key(), l.month(),
					l.amount(), l.ledgerTransactionId(), l.note(), l.allocatedAt());
		}
	}

	record LevelView(@Schema(example = "vip") String level, @Schema(example = "0.40") BigDecimal share,
			@Schema(example = "28000.00") BigDecimal cap, @Schema(example = "15000.00") BigDecimal allocated,
			@Schema(example = "13000.00") BigDecimal available) {
	}

	/**
	 * A month of the budget: the inflow (purchases' contributions, net of refunds), what was allocated to which
	 * event, and what each level has left. balance is what the budget holds now, all months together.
	 */
	record BudgetView(@Schema(example = "2026-11") YearMonth month, @Schema(example = "RUB") String currency,
			String timeZone, @Schema(example = "68450.00") BigDecimal totalInflow,
			@Schema(example = "23000.00") BigDecimal allocated, @Schema(example = "45450.00") BigDecimal unallocated,
			@Schema(example = "51200.00") BigDecimal balance, List<LevelView> levels, List<AllocationView> allocations,
			@Schema(description = "The calling member's own contribution this month and the purchases it came from "
					+ "(members only)") MemberContributions.@Nullable Contribution myContribution) {

		static BudgetView of(EventsBudget.Screen s, MemberContributions.@Nullable Contribution mine) {
			return new BudgetView(s.month(), s.currency(), s.zone().getId(), s.inflow(), s.allocated(), s.unallocated(),
					s.balance(),
					s.levels()
						.stream()
						.map(l -> new LevelView(l.level().key(), l.share(), l.cap(), l.allocated(), l.available()))
						.toList(),
					s.allocations().stream().map(AllocationView::of).toList(), mine);
		}
	}

	@GetMapping("/api/v1/events/budget")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The events budget of a month (YYYY-MM; the current month when omitted)")
	@ApiResponse(responseCode = "400", description = "malformed_request (month)")
	BudgetView month(@RequestParam(required = false) @Nullable YearMonth month) {
		YearMonth shown = month != null ? month : YearMonth.from(LocalDateTime.ofInstant(clock.instant(), zones.zone()));
		KrugPrincipal caller = KrugPrincipal.require();
		MemberContributions.Contribution mine = caller.isMember()
				? contributions.ofMember(caller.id(), shown.atDay(1).atStartOfDay(zones.zone()).toInstant(),
						shown.plusMonths(1).atDay(1).atStartOfDay(zones.zone()).toInstant())
				: null;
		return BudgetView.of(budget.month(shown), mine);
	}

	@PostMapping("/api/v1/admin/events/{id}/budget-allocations")
	@PreAuthorize("hasAuthority('manage_program')")
	@Idempotent(required = false)
	@Operation(summary = "Allocate part of the events budget to an event", description = "Posts a ledger "
			+ "transfer from EVENTS_BUDGET to the settlement of the event's business (or the club's). The level's "
			+ "allocations in the month may not exceed its share of the month's inflow, nor may any allocation exceed "
			+ "what the budget holds.")
	@ApiResponse(responseCode = "201", description = "Allocated")
	@ApiResponse(responseCode = "404", description = "event_not_found")
	@ApiResponse(responseCode = "422",
			description = "budget_level_exceeded (cap, allocated, available), budget_insufficient, validation_failed")
	ResponseEntity<AllocationView> allocate(@PathVariable UUID id, @Valid @RequestBody AllocationRequest body) {
		BudgetAllocations.Line line = budget.allocate(Organizer.of(KrugPrincipal.require()), id, body.amount(),
				BudgetLevel.valueOf(body.level().toUpperCase(Locale.ROOT)), body.month(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(AllocationView.of(line));
	}
}
