package io.krug.loyalty.purchases;

import io.krug.ledger.LedgerApi;
import io.krug.ledger.MemberBalance;
import io.krug.ledger.Posting;
import io.krug.ledger.RestoreSpendCommand;
import io.krug.ledger.Reversal;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.Source;
import io.krug.loyalty.PurchaseRefunded;
import io.krug.loyalty.status.MemberStatuses;
import io.krug.loyalty.status.StatusChange;
import io.krug.loyalty.status.StatusReason;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds of purchases, full or partial, in one transaction each. A refund carries its proportional share of
 * everything the purchase moved: the spent bonuses come back to the member, the earned bonuses are taken back (what
 * the member no longer has is the business's loss, booked by the ledger), and the events budget and the commission
 * go back to the business. Shares are computed on the cumulative refunded amount and differenced, so the refunds of
 * a purchase together reverse exactly what it moved, whatever the rounding.
 *
 * <p>
 * Spent bonuses are restored before the earned ones are taken back: a member whose earned bonuses are gone repays
 * them from what the refund gives back first, rather than the business losing them while the member keeps both.
 */
@Service
class Refunds {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	private final PurchaseStore store;

	private final RefundStore refundStore;

	private final LedgerApi ledger;

	private final ClubShares shares;

	private final MemberStatuses statuses;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Refunds(PurchaseStore store, RefundStore refundStore, LedgerApi ledger, ClubShares shares, MemberStatuses statuses,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.refundStore = refundStore;
		this.ledger = ledger;
		this.shares = shares;
		this.statuses = statuses;
		this.events = events;
		this.clock = clock;
	}

	/** What a refund did, and the purchase and balance after it. */
	record Refunded(RefundStore.RefundRow refund, PurchaseRow purchase, @Nullable MemberBalance balance) {
	}

	/**
	 * @param business with a value, only that business's purchase can be refunded
	 * @throws io.krug.platform.web.KrugException 404 {@code purchase_not_found}, 422
	 * {@code refund_exceeds_purchase}
	 */
	@Transactional
	public Refunded refund(UUID purchaseId, @Nullable UUID business, BigDecimal amount, String actor) {
		PurchaseRow purchase = refundStore.addRefund(purchaseId, business, amount).orElseThrow(() -> rejection(purchaseId,
				business, amount));
		UUID refundId = Ids.newId();
		Step step = new Step(purchase, amount, refundId, actor);
		Posting restored = step.restoreSpend();
		Reversal reversal = step.reverseEarn();
		ClubShares.Shares back = new ClubShares.Shares(step.share(purchase.eventsBudget()),
				step.share(purchase.commission()));
		shares.refund(purchase.businessId(), back, Source.refund(refundId), step.key, actor);
		StatusChange change = purchase.memberId() == null ? null
				: statuses.recompute(purchase.memberId(), StatusReason.REFUND);
		var row = new RefundStore.RefundRow(refundId, purchase.id(), amount,
				step.share(purchase.bonusesEarned()), step.share(purchase.bonusesSpent()),
				reversal == null ? ZERO : reversal.loss(), back.eventsBudget(), back.commission(),
				change == null ? null : change.before(), change == null ? null : change.after(), actor,
				clock.instant().truncatedTo(ChronoUnit.MICROS));
		refundStore.insertRefund(row);
		events.publishEvent(new PurchaseRefunded(TenantContext.require(), purchase.id(), refundId, purchase.memberId(),
				purchase.businessId(), amount, purchase.refundedAmount(), row.bonusesReversed(), row.bonusesRestored(),
				row.createdAt()));
		return new Refunded(row, purchase, balance(purchase.memberId(), reversal, restored));
	}

	/** One refund's ledger steps. */
	private final class Step {

		private final PurchaseRow purchase;

		private final BigDecimal before;

		private final UUID refundId;

		private final String actor;

		private final String key;

		Step(PurchaseRow purchase, BigDecimal amount, UUID refundId, String actor) {
			this.purchase = purchase;
			this.before = purchase.refundedAmount().subtract(amount);
			this.refundId = refundId;
			this.actor = actor;
			this.key = "purchase:" + purchase.id() + ":refund:" + refundId;
		}

		/** This refund's part of {@code value}: its cumulative share after the refund less the share before. */
		BigDecimal share(BigDecimal value) {
			return Earnings.proportion(value, purchase.refundedAmount(), purchase.amount())
				.subtract(Earnings.proportion(value, before, purchase.amount()));
		}

		@Nullable Posting restoreSpend() {
			BigDecimal amount = share(purchase.bonusesSpent());
			if (amount.signum() == 0 || purchase.spendTxId() == null) {
				return null;
			}
			return ledger.restoreSpend(new RestoreSpendCommand(purchase.spendTxId(), amount, Source.refund(refundId),
					"Refund of a purchase", actor, key + ":restore"));
		}

		@Nullable Reversal reverseEarn() {
			BigDecimal amount = share(purchase.bonusesEarned());
			if (amount.signum() == 0 || purchase.earnTxId() == null) {
				return null;
			}
			return ledger.reverseEarn(new ReverseEarnCommand(purchase.earnTxId(), amount, Source.refund(refundId),
					"Refund of a purchase", actor, key + ":earn"));
		}
	}

	private RuntimeException rejection(UUID purchaseId, @Nullable UUID business, BigDecimal amount) {
		return store.find(purchaseId, business)
			.<RuntimeException>map(p -> PurchaseError.REFUND_EXCEEDS_PURCHASE
				.exception("Refunding " + amount.toPlainString() + " would exceed the purchase: "
						+ p.amount().subtract(p.refundedAmount()).toPlainString() + " of "
						+ p.amount().toPlainString() + " is left to refund.")
				.with("refundable", p.amount().subtract(p.refundedAmount())))
			.orElseGet(() -> PurchaseError.PURCHASE_NOT_FOUND.exception("No purchase " + purchaseId + "."));
	}

	private @Nullable MemberBalance balance(@Nullable UUID member, @Nullable Reversal reversal,
			@Nullable Posting restored) {
		if (member == null) {
			return null;
		}
		if (reversal != null) {
			return reversal.balance();
		}
		if (restored != null) {
			return restored.balance();
		}
		var balance = ledger.balance(member);
		return new MemberBalance(balance.available(), balance.pending());
	}
}
