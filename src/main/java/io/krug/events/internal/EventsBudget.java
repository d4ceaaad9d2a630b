package io.krug.events.internal;

import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.PostedTransaction;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events budget (seed 003 "Бюджетирование мероприятий"). Its money is the ledger's EVENTS_BUDGET account, which
 * the purchase pipeline fills with a share of every purchase (reason BUDGET_CONTRIBUTION, net of refunds). Admins
 * allocate it to events: each allocation is a ledger transaction (reason TRANSFER) from EVENTS_BUDGET to the
 * settlement account of the event's business (the club owes the host) or of the club, and a row here that says which
 * event, level and month. A level may take at most its share of the month's inflow, and no allocation may exceed
 * what the budget holds.
 */
@Service
public class EventsBudget {

	private final BudgetAllocations allocations;

	private final EventRepository events;

	private final LedgerApi ledger;

	private final EventsSettingsService settings;

	private final Programs programs;

	private final Clock clock;

	EventsBudget(BudgetAllocations allocations, EventRepository events, LedgerApi ledger,
			EventsSettingsService settings, Programs programs, Clock clock) {
		this.allocations = allocations;
		this.events = events;
		this.ledger = ledger;
		this.settings = settings;
		this.programs = programs;
		this.clock = clock;
	}

	/** A level's part of a month: its cap (share of the inflow), what was allocated and what is left. */
	public record LevelLine(BudgetLevel level, BigDecimal share, BigDecimal cap, BigDecimal allocated,
			BigDecimal available) {
	}

	/**
	 * A month of the budget.
	 *
	 * @param inflow the contributions of purchases in the month, net of refunds
	 * @param balance what the budget holds now, all months together
	 */
	public record Screen(YearMonth month, String currency, ZoneId zone, BigDecimal inflow, BigDecimal allocated,
			BigDecimal unallocated, BigDecimal balance, List<LevelLine> levels,
			List<BudgetAllocations.Line> allocations) {
	}

	@Transactional
	public BudgetAllocations.Line allocate(Organizer organizer, UUID eventId, BigDecimal amount, BudgetLevel level,
			@Nullable YearMonth requestedMonth, @Nullable String note) {
		if (!organizer.admin()) {
			throw EventsError.NOT_YOUR_BUSINESS.exception("Only admins allocate the events budget.");
		}
		ProgramId program = TenantContext.require();
		ZoneId zone = programs.get(program).timeZone();
		Instant now = clock.instant();
		YearMonth current = YearMonth.from(ProgramZone.toLocal(now, zone));
		YearMonth month = requestedMonth == null ? current : requestedMonth;
		if (month.isAfter(current)) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "month", "a future month has no inflow yet");
		}
		Event event = events.find(eventId)
			.filter(e -> !e.isCancelled())
			.orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + " to fund."));
		allocations.lockBudget();
		LevelLine line = level(month, level, zone);
		if (line.allocated().add(amount).compareTo(line.cap()) > 0) {
			throw EventsError.BUDGET_LEVEL_EXCEEDED
				.exception("The " + level.key() + " level may take " + line.cap().toPlainString() + " of " + month
						+ "'s inflow; " + line.allocated().toPlainString() + " is allocated, "
						+ line.available().toPlainString() + " is left.")
				.with("cap", line.cap())
				.with("allocated", line.allocated())
				.with("available", line.available());
		}
		BigDecimal balance = ledger.accountBalance(LedgerAccount.eventsBudget(program));
		if (amount.compareTo(balance) > 0) {
			throw EventsError.BUDGET_INSUFFICIENT
				.exception("The events budget holds " + balance.toPlainString() + ".")
				.with("balance", balance);
		}
		UUID id = Ids.newId();
		LedgerAccount payee = LedgerAccount.settlement(
				event.businessId() != null ? PartyId.business(event.businessId()) : PartyId.club(program));
		PostedTransaction posted = ledger.post(new PostCommand(Reason.TRANSFER,
				List.of(new PostCommand.Leg(LedgerAccount.eventsBudget(program), amount.negate()),
						new PostCommand.Leg(payee, amount)),
				Source.of(SourceType.EVENT, eventId), "Бюджет мероприятия «" + event.title() + "»", organizer.actor(),
				"events:allocation:" + id));
		allocations.insert(id, eventId, level, month.atDay(1), Money.round(amount), posted.transactionId(), note,
				organizer.actor(), now);
		return allocations.line(id, zone);
	}

	@Transactional(readOnly = true)
	public Screen month(YearMonth month) {
		ProgramId program = TenantContext.require();
		var p = programs.get(program);
		ZoneId zone = p.timeZone();
		BigDecimal inflow = inflow(month, zone);
		Map<BudgetLevel, BigDecimal> allocated = allocations.allocatedByLevel(month.atDay(1));
		EventsSettings.BudgetShares shares = settings.current().budgetShares();
		List<LevelLine> levels = Arrays.stream(BudgetLevel.values())
			.map(l -> line(l, shares.of(l), inflow, allocated.getOrDefault(l, Money.round(BigDecimal.ZERO))))
			.toList();
		BigDecimal total = Money.round(levels.stream().map(LevelLine::allocated).reduce(BigDecimal.ZERO, BigDecimal::add));
		return new Screen(month, p.currency().getCurrencyCode(), zone, inflow, total, inflow.subtract(total),
				Money.round(ledger.accountBalance(LedgerAccount.eventsBudget(program))), levels,
				allocations.ofMonth(month.atDay(1), zone));
	}

	private LevelLine level(YearMonth month, BudgetLevel level, ZoneId zone) {
		BigDecimal allocated = allocations.allocatedByLevel(month.atDay(1))
			.getOrDefault(level, Money.round(BigDecimal.ZERO));
		return line(level, settings.current().budgetShares().of(level), inflow(month, zone), allocated);
	}

	private static LevelLine line(BudgetLevel level, BigDecimal share, BigDecimal inflow, BigDecimal allocated) {
		BigDecimal cap = Money.round(inflow.multiply(share));
		return new LevelLine(level, share, cap, allocated, cap.subtract(allocated));
	}

	/** What purchases contributed in the month (program time zone), net of refunds. */
	private BigDecimal inflow(YearMonth month, ZoneId zone) {
		ProgramId program = TenantContext.require();
		PartyActivity activity = ledger.partyActivity(PartyId.club(program), ProgramZone.monthStart(month, zone),
				ProgramZone.monthStart(month.plusMonths(1), zone));
		return Money.round(activity.lines()
			.stream()
			.filter(l -> l.account() == AccountKind.EVENTS_BUDGET && l.reason() == Reason.BUDGET_CONTRIBUTION)
			.map(PartyActivity.Line::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
	}
}
