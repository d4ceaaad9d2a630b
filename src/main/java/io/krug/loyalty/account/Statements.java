package io.krug.loyalty.account;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.Payable;
import io.krug.ledger.Reason;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.Money;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' monthly statements and the program's settlement between partners, read from the ledger's party
 * activity and payables for a month in the program's time zone.
 */
@Service
class Statements {

	/** Reasons of earns: what a business funds. */
	private static final Set<Reason> FUNDING = reasons(r -> r.use() == Reason.Use.EARN);

	/** Reasons of spends and of their restores: what is redeemed at a business. */
	private static final Set<Reason> REDEMPTION = reasons(
			r -> r.use() == Reason.Use.SPEND || r == Reason.SPEND_RESTORE);

	private static final Set<Reason> ALL = EnumSet.allOf(Reason.class);

	private final LedgerApi ledger;

	private final PartnersApi partners;

	private final PurchaseFigures purchases;

	private final Programs programs;

	private final Clock clock;

	Statements(LedgerApi ledger, PartnersApi partners, PurchaseFigures purchases, Programs programs, Clock clock) {
		this.ledger = ledger;
		this.partners = partners;
		this.purchases = purchases;
		this.programs = programs;
		this.clock = clock;
	}

	/**
	 * The business's statement for the month; only its own staff (with {@code view_own_business_analytics}) and
	 * admins ({@code manage_ledger}) see it, anyone else gets the 404 an unknown business gets.
	 */
	@Transactional(readOnly = true)
	StatementViews.Statement statement(KrugPrincipal caller, UUID businessId, @Nullable String month) {
		BusinessSummary business = visibleBusiness(caller, businessId);
		Program program = program();
		MonthPeriod period = MonthPeriod.parse(month, program.timeZone(), clock);
		PartyId party = PartyId.business(businessId);
		PartyActivity activity = ledger.partyActivity(party, period.from(), period.to());
		List<Payable> payables = ledger.settlementBetween(period.from(), period.to())
			.stream()
			.filter(p -> p.payer().equals(party) || p.payee().equals(party))
			.toList();
		Map<UUID, String> names = partners.businessNames(counterparties(payables, party, program));
		return new StatementViews.Statement(business.id(), business.name(), period.key(),
				program.timeZone().getId(), program.currency().getCurrencyCode(), period.from(), period.to(),
				purchaseTotals(businessId, period), bonuses(activity),
				partnerRows(payables, party, program, names), clubRow(payables, party, program),
				sum(activity, AccountKind.SETTLEMENT, Set.of(Reason.COMMISSION)).negate(),
				sum(activity, AccountKind.SETTLEMENT, Set.of(Reason.BUDGET_CONTRIBUTION)).negate(),
				sum(activity, AccountKind.LOSS, ALL).negate(),
				sum(activity, AccountKind.SETTLEMENT, ALL), closing(activity));
	}

	/** Every net payable between parties for the month, with the parties' names. */
	@Transactional(readOnly = true)
	StatementViews.Settlement settlement(@Nullable String month) {
		Program program = program();
		MonthPeriod period = MonthPeriod.parse(month, program.timeZone(), clock);
		List<Payable> payables = ledger.settlementBetween(period.from(), period.to());
		Set<UUID> parties = new HashSet<>();
		payables.forEach(p -> {
			parties.add(p.payer().value());
			parties.add(p.payee().value());
		});
		parties.remove(program.id().value());
		Map<UUID, String> names = partners.businessNames(parties);
		List<StatementViews.Payable> rows = payables.stream()
			.map(p -> new StatementViews.Payable(p.payer().value(), name(p.payer(), program, names),
					type(p.payer(), program), p.payee().value(), name(p.payee(), program, names),
					type(p.payee(), program), Money.round(p.amount())))
			.toList();
		return new StatementViews.Settlement(period.key(), program.timeZone().getId(),
				program.currency().getCurrencyCode(), period.from(), period.to(), rows, rows.size());
	}

	private BusinessSummary visibleBusiness(KrugPrincipal caller, UUID businessId) {
		boolean allowed = caller.has(Permission.MANAGE_LEDGER)
				|| (caller.has(Permission.VIEW_OWN_BUSINESS_ANALYTICS) && businessId.equals(caller.businessId()));
		return partners.findBusiness(businessId)
			.filter(business -> allowed)
			.orElseThrow(() -> AccountError.BUSINESS_NOT_FOUND.exception("No business " + businessId
					+ " in this program that you may see."));
	}

	private StatementViews.Purchases purchaseTotals(UUID businessId, MonthPeriod period) {
		PurchaseFigures.Totals totals = purchases.at(businessId, period);
		return new StatementViews.Purchases(totals.count(), totals.volume(), totals.refunded());
	}

	/**
	 * Funded: what earns put on the business's liability. Redeemed: settlement plus liability of spends and
	 * restores, which cancel out for bonuses the business funded and leaves those spent at it.
	 */
	private static StatementViews.Bonuses bonuses(PartyActivity activity) {
		BigDecimal funded = sum(activity, AccountKind.LIABILITY, FUNDING).negate();
		BigDecimal redeemed = sum(activity, AccountKind.SETTLEMENT, REDEMPTION)
			.add(sum(activity, AccountKind.LIABILITY, REDEMPTION));
		BigDecimal expired = sum(activity, AccountKind.LIABILITY, Set.of(Reason.EXPIRY));
		return new StatementViews.Bonuses(Money.round(funded), Money.round(redeemed), Money.round(expired));
	}

	private static List<StatementViews.Counterparty> partnerRows(List<Payable> payables, PartyId party,
			Program program, Map<UUID, String> names) {
		List<StatementViews.Counterparty> rows = new ArrayList<>();
		for (Payable payable : payables) {
			boolean pays = payable.payer().equals(party);
			PartyId other = pays ? payable.payee() : payable.payer();
			if (!isClub(other, program)) {
				rows.add(new StatementViews.Counterparty(other.value(), names.get(other.value()),
						pays ? StatementViews.PAYABLE : StatementViews.RECEIVABLE, Money.round(payable.amount())));
			}
		}
		return rows;
	}

	private static StatementViews.Counterparty clubRow(List<Payable> payables, PartyId party, Program program) {
		return payables.stream()
			.filter(p -> isClub(p.payer(), program) || isClub(p.payee(), program))
			.findFirst()
			.map(p -> new StatementViews.Counterparty(null, program.name(),
					p.payer().equals(party) ? StatementViews.PAYABLE : StatementViews.RECEIVABLE,
					Money.round(p.amount())))
			.orElseGet(() -> new StatementViews.Counterparty(null, program.name(), StatementViews.NONE,
					Money.round(BigDecimal.ZERO)));
	}

	private static Set<UUID> counterparties(List<Payable> payables, PartyId party, Program program) {
		Set<UUID> ids = new HashSet<>();
		for (Payable payable : payables) {
			PartyId other = payable.payer().equals(party) ? payable.payee() : payable.payer();
			if (!isClub(other, program)) {
				ids.add(other.value());
			}
		}
		return ids;
	}

	private static BigDecimal sum(PartyActivity activity, AccountKind account, Set<Reason> reasons) {
		return Money.round(activity.lines()
			.stream()
			.filter(line -> line.account() == account && reasons.contains(line.reason()))
			.map(PartyActivity.Line::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private static BigDecimal closing(PartyActivity activity) {
		return Money.round(activity.closing()
			.stream()
			.filter(balance -> balance.account() == AccountKind.SETTLEMENT)
			.map(PartyActivity.AccountBalance::balance)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private static @Nullable String name(PartyId party, Program program, Map<UUID, String> names) {
		return isClub(party, program) ? program.name() : names.get(party.value());
	}

	private static String type(PartyId party, Program program) {
		return isClub(party, program) ? "club" : "business";
	}

	private static boolean isClub(PartyId party, Program program) {
		return party.value().equals(program.id().value());
	}

	private Program program() {
		return programs.get(TenantContext.require());
	}

	private static Set<Reason> reasons(Predicate<Reason> which) {
		return Arrays.stream(Reason.values())
			.filter(which)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
	}
}
