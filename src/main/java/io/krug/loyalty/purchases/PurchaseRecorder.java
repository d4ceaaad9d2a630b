package io.krug.loyalty.purchases;

import org.springframework.modulith.NamedInterface;

import io.krug.identity.MemberStatus;
import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.LedgerError;
import io.krug.ledger.MemberBalance;
import io.krug.ledger.PartyId;
import io.krug.ledger.PostCommand;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SpendCommand;
import io.krug.loyalty.BonusesEarned;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.loyalty.status.MemberStatuses;
import io.krug.loyalty.status.StatusChange;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a purchase in one database transaction (seed 003 "process_transaction"): finds the business and the buyer,
 * pays part of the check with bonuses, earns bonuses by the buyer's status, takes the club's shares, stores the
 * purchase and decides the buyer's status ({@link MemberStatuses#afterPurchase}). Ledger postings carry keys derived
 * from the purchase id ({@code purchase:<id>:earn}, {@code :spend}, {@code :budget}, {@code :commission}).
 *
 * <p>
 * Statements of a matched purchase without spending (measured by {@code PurchaseStatementsTests}): the tenant setting,
 * member, the purchase context (rules, external id claim, new category), the earn with the club's shares (events
 * budget, commission) in one ledger statement, the purchase row and the status upsert: 6, once the business and its
 * promotions are cached (here and in partners) and the member's status figures are current; then the listeners of the
 * events. Spending adds the ledger's three; a commission one. The
 * response's balance is the one the last ledger posting returned, not a second read.
 */
@Component
@NamedInterface("purchases")
public class PurchaseRecorder {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	private final PartnersApi partners;

	private final Buyers buyers;

	private final LedgerApi ledger;

	private final PurchaseStore store;

	private final ClubShares shares;

	private final MemberStatuses statuses;

	private final ProgramZones zones;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PurchaseInputs inputs;

	PurchaseRecorder(PartnersApi partners, Buyers buyers, LedgerApi ledger, PurchaseStore store, ClubShares shares,
			MemberStatuses statuses, ProgramZones zones, ApplicationEventPublisher events, Clock clock,
			PurchaseInputs inputs) {
		this.partners = partners;
		this.buyers = buyers;
		this.ledger = ledger;
		this.store = store;
		this.shares = shares;
		this.statuses = statuses;
		this.zones = zones;
		this.events = events;
		this.clock = clock;
		this.inputs = inputs;
	}

	@Transactional
	public Recorded record(RecordPurchase command) {
		// at the database's precision: a purchase "now" must fall inside the status window that ends now
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant occurredAt = inputs.occurredAt(command.occurredAt(), now);
		BusinessSummary business = inputs.business(command.businessId());
		PurchaseInputs.PurchaseCategory category = inputs.category(command.category(), business);
		Buyer buyer = buyers.resolve(command.customer());
		inputs.requireSourceBusiness(command.sourceBusinessId(), business.id());
		UUID id = Ids.newId();
		PurchaseStore.Context context = store.context(id, business.id(), command.externalId(), buyer.memberId(),
				category.key(), now);
		if (context.taken()) {
			PurchaseRow existing = store.findByExternalId(business.id(), Objects.requireNonNull(command.externalId()))
				.orElseThrow(() -> new IllegalStateException("Purchase of a taken external id is gone; indicates a bug"));
			return new Recorded(existing, false, balanceOf(existing.memberId()));
		}
		boolean medical = business.medical() || category.medical();
		return new Pipeline(id, command, business, category.key(), buyer, context,
				medical ? null : command.description(), occurredAt, now)
			.run();
	}

	private @Nullable MemberBalance balanceOf(@Nullable UUID member) {
		if (member == null) {
			return null;
		}
		var balance = ledger.balance(member);
		return new MemberBalance(balance.available(), balance.pending());
	}

	/** The steps of recording one new purchase, sharing what they found. */
	private final class Pipeline {

		private final UUID id;

		private final RecordPurchase command;

		private final BusinessSummary business;

		private final String category;

		private final Buyer buyer;

		private final PurchaseStore.Context context;

		private final LoyaltyRules rules;

		private final @Nullable String description;

		private final Instant occurredAt;

		private final Instant now;

		private final ZoneId zone;

		private BigDecimal spent = ZERO;

		private @Nullable UUID spendTx;

		private BigDecimal earned = ZERO;

		private @Nullable UUID earnTx;

		private @Nullable MemberBalance balance;

		Pipeline(UUID id, RecordPurchase command, BusinessSummary business, String category, Buyer buyer,
				PurchaseStore.Context context, @Nullable String description, Instant occurredAt, Instant now) {
			this.id = id;
			this.command = command;
			this.business = business;
			this.category = category;
			this.buyer = buyer;
			this.context = context;
			this.rules = context.rules();
			this.description = description;
			this.occurredAt = occurredAt;
			this.now = now;
			this.zone = zones.of(TenantContext.require());
		}

		Recorded run() {
			spend();
			ClubShares.Shares charged = ClubShares.of(rules, command.amount(), command.engaged(), occurredOn(),
					business.joinedAt());
			List<PostCommand> charges = shares.charges(business.id(), charged, Source.purchase(id), "purchase:" + id,
					command.actor());
			if (!earn(charges)) {
				charges.forEach(ledger::post);
			}
			PurchaseRow row = row(charged);
			store.insert(row, occurredOn());
			if (buyer.memberId() != null) {
				row = recomputeStatus(row, buyer.memberId());
			}
			publish(row);
			return new Recorded(row, true, balance != null ? balance : balanceOf(buyer.memberId()));
		}

		private void spend() {
			BigDecimal amount = command.spendBonuses() == null ? ZERO : command.spendBonuses();
			if (amount.signum() == 0) {
				return;
			}
			BigDecimal limit = command.amount().multiply(rules.maxSpendShare());
			if (amount.compareTo(limit) > 0) {
				BigDecimal max = limit.setScale(Money.SCALE, RoundingMode.DOWN);
				throw PurchaseError.SPEND_EXCEEDS_SHARE
					.exception("Bonuses may pay at most " + max.toPlainString() + " of this check.")
					.with("max_spend_bonuses", max);
			}
			if (buyer.memberId() == null) {
				throw LedgerError.INSUFFICIENT_BALANCE.exception("The buyer is not a member and has no bonuses.");
			}
			Posting posting = ledger.spend(new SpendCommand(buyer.memberId(), amount,
					PartyId.business(business.id()), Reason.PURCHASE_SPEND, Source.purchase(id), description,
					command.actor(), key("spend")));
			spent = Money.round(amount);
			spendTx = posting.transactionId();
			balance = posting.balance();
		}

		/** Earns with the club's shares in the same ledger statement; false when nothing was earned or posted. */
		private boolean earn(List<PostCommand> charges) {
			if (buyer.memberId() == null) {
				return false;
			}
			BigDecimal promotion = partners.promotionMultiplier(business.id(), occurredAt);
			BigDecimal bonuses = Earnings.bonuses(rules, status(), command.amount(), spent, context.newCategory(),
					promotion);
			if (bonuses.signum() == 0) {
				return false;
			}
			Posting posting = ledger.earn(new EarnCommand(buyer.memberId(), bonuses, PartyId.business(business.id()),
					pendingUntil(), now.atZone(zone).plusMonths(rules.expiryMonths()).toInstant(),
					Reason.PURCHASE_EARN, Source.purchase(id), description, command.actor(), key("earn")), charges);
			earned = bonuses;
			earnTx = posting.transactionId();
			balance = posting.balance();
			return true;
		}

		private PurchaseRow recomputeStatus(PurchaseRow row, UUID member) {
			StatusChange change = statuses.afterPurchase(member, category, row.amount(), occurredAt);
			if (change.after() == status()) {
				return row;
			}
			store.setStatusAfter(row.id(), change.after());
			return row.withStatusAfter(change.after());
		}

		private void publish(PurchaseRow row) {
			ProgramId program = TenantContext.require();
			events.publishEvent(new PurchaseRecorded(program, id, buyer.memberId(), business.id(), row.amount(),
					category, row.engaged(), occurredAt));
			if (earnTx != null && buyer.memberId() != null) {
				events.publishEvent(new BonusesEarned(program, buyer.memberId(), id, earned, pendingUntil()));
			}
		}

		private PurchaseRow row(ClubShares.Shares charged) {
			return new PurchaseRow(id, business.id(), buyer.memberId(), buyer.phone(), command.amount(), ZERO,
					category, description, command.externalId(), occurredAt, earned, spent, earnTx, spendTx,
					buyer.matched() ? PurchaseRow.RECORDED : PurchaseRow.UNMATCHED, command.engaged(),
					command.sourceBusinessId(), command.channel(), command.actor(), now, buyer.status(),
					buyer.status(), earnTx == null ? null : pendingUntil(), charged.eventsBudget(),
					charged.commission(), null);
		}

		private java.time.LocalDate occurredOn() {
			return occurredAt.atZone(zone).toLocalDate();
		}

		private Instant pendingUntil() {
			return occurredAt.plus(Duration.ofDays(rules.returnWindowDays()));
		}

		private MemberStatus status() {
			return Objects.requireNonNull(buyer.status(), "a matched buyer has a status");
		}

		private String key(String step) {
			return "purchase:" + id + ":" + step;
		}
	}
}
