package io.krug.loyalty.purchases;

import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a purchase pays the club: {@code eventsBudgetShare} of every purchase into the events budget (seed 003
 * "Бюджетирование мероприятий"), and {@code commissionRate} of engaged purchases as platform revenue once the
 * partner's first {@code commissionFreeMonths} are over ("Рекомендуемая стратегия": 0% for six months, then 2%).
 * Both are taken from the business's settlement account.
 *
 * <p>
 * The two are separate ledger transactions (reasons {@code BUDGET_CONTRIBUTION} and {@code COMMISSION}), so a
 * partner's statement shows them apart; the commission's exists only for engaged purchases past the free months. A
 * purchase that earns bonuses writes them in the earn's statement ({@link #charges}).
 */
@Component
class ClubShares {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	private final LedgerApi ledger;

	ClubShares(LedgerApi ledger) {
		this.ledger = ledger;
	}

	/** A purchase's (or a refund's) events-budget share and commission. */
	record Shares(BigDecimal eventsBudget, BigDecimal commission) {

		static final Shares NONE = new Shares(ZERO, ZERO);
	}

	/**
	 * @param occurredOn the purchase's day in the program's time zone
	 * @param joinedAt the day the partner joined, in the program's time zone
	 */
	static Shares of(LoyaltyRules rules, BigDecimal amount, boolean engaged, LocalDate occurredOn, LocalDate joinedAt) {
		BigDecimal budget = Money.round(amount.multiply(rules.eventsBudgetShare()));
		boolean free = occurredOn.isBefore(joinedAt.plusMonths(rules.commissionFreeMonths()));
		BigDecimal commission = engaged && !free ? Money.round(amount.multiply(rules.commissionRate())) : ZERO;
		return new Shares(budget, commission);
	}

	/** Takes the shares from the business's settlement. */
	void charge(UUID businessId, Shares shares, Source source, String keyPrefix, String actor) {
		post(businessId, shares, source, keyPrefix, actor, BigDecimal.ONE);
	}

	/** Gives (part of) the shares back to the business's settlement, for a refund. */
	void refund(UUID businessId, Shares shares, Source source, String keyPrefix, String actor) {
		post(businessId, shares, source, keyPrefix, actor, BigDecimal.ONE.negate());
	}

	/**
	 * The postings that take the shares from the business's settlement, for the caller to give the ledger with
	 * another posting of the same purchase ({@link LedgerApi#earn(io.krug.ledger.EarnCommand, List)}).
	 */
	List<PostCommand> charges(UUID businessId, Shares shares, Source source, String keyPrefix, String actor) {
		return postings(businessId, shares, source, keyPrefix, actor, BigDecimal.ONE);
	}

	private void post(UUID businessId, Shares shares, Source source, String keyPrefix, String actor,
			BigDecimal sign) {
		postings(businessId, shares, source, keyPrefix, actor, sign).forEach(ledger::post);
	}

	private static List<PostCommand> postings(UUID businessId, Shares shares, Source source, String keyPrefix,
			String actor, BigDecimal sign) {
		ProgramId program = TenantContext.require();
		LedgerAccount settlement = LedgerAccount.settlement(PartyId.business(businessId));
		List<PostCommand> postings = new ArrayList<>(2);
		if (shares.eventsBudget().signum() > 0) {
			BigDecimal amount = shares.eventsBudget().multiply(sign);
			postings.add(new PostCommand(Reason.BUDGET_CONTRIBUTION,
					List.of(new PostCommand.Leg(settlement, amount.negate()),
							new PostCommand.Leg(LedgerAccount.eventsBudget(program), amount)),
					source, "Events budget share", actor, keyPrefix + ":budget"));
		}
		if (shares.commission().signum() > 0) {
			BigDecimal amount = shares.commission().multiply(sign);
			postings.add(new PostCommand(Reason.COMMISSION,
					List.of(new PostCommand.Leg(settlement, amount.negate()),
							new PostCommand.Leg(LedgerAccount.platformRevenue(program), amount)),
					source, "Platform commission", actor, keyPrefix + ":commission"));
		}
		return postings;
	}
}
