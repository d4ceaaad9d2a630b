package io.krug.loyalty.purchases;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerBulk;
import io.krug.ledger.PartyId;
import io.krug.ledger.PreparedEarns;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchasesImported;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.loyalty.status.MemberStatuses;
import io.krug.loyalty.status.StatusReason;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a batch of imported purchases set-based (ADR 0014), by the same rules as {@link PurchaseRecorder}: the
 * external ids are claimed for the whole batch in one statement (an id claimed before is a duplicate and records
 * nothing), the buyers are found by phone in one query (a phone of no member is an unmatched purchase, credited if it
 * registers within the claim window), bonuses are computed per purchase with {@link Earnings#bonuses} (the member's
 * status, the program's rules, the business's promotion at the purchase's time, the new-category multiplier for the
 * first purchase of a member in a category), the club's shares per purchase with {@link ClubShares#of}, and the
 * purchases are inserted in one statement.
 *
 * <p>
 * The ledger postings are aggregated: one earn (transaction and lot) per member and availability, written last in
 * the batch's transaction (it locks the members' balance rows), and one events-budget (and commission) transaction per
 * batch; each purchase keeps its own figures and points at its
 * member's earn, which its refunds reverse. The caller recomputes the buyers' statuses after a number of batches
 * ({@link #recomputeStatuses}), so a purchase earns at the status its buyer had at the last recomputation. Each batch
 * publishes one {@link PurchasesImported} with its members' purchases (referral rewards, coupons, webhooks handle it as
 * they handle {@link PurchaseRecorded}); no {@link io.krug.loyalty.BonusesEarned} (no message per historical purchase),
 * and nothing for unmatched purchases.
 */
@Component
@NamedInterface("purchases")
public class PurchaseImports {

	private final PurchaseInputs inputs;

	private final BulkPurchaseStore bulk;

	private final IdentityApi identity;

	private final PartnersApi partners;

	private final LedgerBulk ledger;

	private final ClubShares shares;

	private final MemberStatuses statuses;

	private final LoyaltyRulesService rules;

	private final ProgramZones zones;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PurchaseImports(PurchaseInputs inputs, BulkPurchaseStore bulk, IdentityApi identity,
			PartnersApi partners, LedgerBulk ledger, ClubShares shares, MemberStatuses statuses,
			LoyaltyRulesService rules, ProgramZones zones, ApplicationEventPublisher events, Clock clock) {
		this.inputs = inputs;
		this.bulk = bulk;
		this.identity = identity;
		this.partners = partners;
		this.ledger = ledger;
		this.shares = shares;
		this.statuses = statuses;
		this.rules = rules;
		this.zones = zones;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a batch did.
	 *
	 * @param imported purchases recorded
	 * @param duplicate purchases whose external id was recorded before
	 * @param buyers the members who bought: their statuses are due for {@link #recomputeStatuses}
	 */
	public record Outcome(int imported, int duplicate, Set<UUID> buyers) {
	}

	/**
	 * Records the purchases of the business in one transaction; any invalid purchase (a date out of range, an
	 * unknown category, an inactive business) fails the whole batch with its error, and nothing is recorded.
	 *
	 * @param importId the import; the source of the aggregated ledger transactions
	 */
	@Transactional
	public Outcome record(UUID importId, UUID businessId, List<ImportedPurchase> purchases, String channel,
			String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ImportBatch batch = new ImportBatch(inputs.business(businessId), rules.current(),
				zones.of(TenantContext.require()), now, channel, actor);
		purchases.forEach(p -> batch.add(p, inputs.occurredAt(p.occurredAt(), now),
				batch.category(p.category(), inputs)));
		List<ImportBatch.Row> fresh = batch.claim(bulk.claimExternalIds(businessId, batch.externalIds(), batch.ids()));
		if (fresh.isEmpty()) {
			return new Outcome(0, purchases.size(), Set.of());
		}
		batch.buyers(identity.findMembersByPhones(batch.phones()));
		ImportBatch.Pairs pairs = batch.firstPairs();
		batch.newCategories(bulk.claimCategories(pairs.members(), pairs.categories(), pairs.purchases(), now));
		batch.promotions(partners.promotionMultipliers(businessId, batch.matchedTimes()));
		List<ImportBatch.Earn> earns = batch.earns();
		PreparedEarns prepared = ledger.prepare(earns.stream().map(e -> earn(importId, batch, e)).toList());
		List<UUID> transactions = prepared.transactionIds();
		for (int i = 0; i < earns.size(); i++) {
			earns.get(i).posted(transactions.get(i));
		}
		List<PurchaseRow> rows = batch.purchaseRows();
		shares.charge(businessId, batch.shares(), Source.of(SourceType.IMPORT, importId),
				"import:" + importId + ":" + rows.getFirst().id(), actor);
		bulk.insert(rows, batch.occurredOn());
		publish(importId, businessId, rows);
		// last: the members' balance rows stay locked only until the commit, so a concurrent batch of the same
		// import (ImportRunner runs krug.imports.parallelism of them) does all the rest meanwhile
		ledger.post(prepared);
		return new Outcome(fresh.size(), purchases.size() - fresh.size(), batch.buyers());
	}

	/**
	 * Recomputes the members' statuses after an import's batches ({@link MemberStatuses#recompute}, reason
	 * {@code purchase}): once per member however many purchases and batches they had, publishing
	 * {@link io.krug.loyalty.TierChanged} for each change. The imported purchases keep the status they were earned
	 * at; the change is in the member's status history.
	 */
	@Transactional
	public void recomputeStatuses(Collection<UUID> members) {
		members.forEach(member -> statuses.recompute(member, StatusReason.PURCHASE));
	}

	private EarnCommand earn(UUID importId, ImportBatch batch, ImportBatch.Earn earn) {
		ImportBatch.Row first = earn.rows().getFirst();
		boolean single = earn.rows().size() == 1;
		return new EarnCommand(earn.member(), earn.amount(), PartyId.business(batch.business().id()),
				earn.availableAt(), batch.expiresAt(), Reason.PURCHASE_EARN,
				single ? Source.purchase(first.id()) : Source.of(SourceType.IMPORT, importId),
				single ? first.description() : null, batch.actor(), "purchase:" + first.id() + ":earn");
	}

	private void publish(UUID importId, UUID businessId, List<PurchaseRow> rows) {
		ProgramId program = TenantContext.require();
		List<PurchaseRecorded> purchases = rows.stream()
			.filter(PurchaseRow::matched)
			.map(row -> new PurchaseRecorded(program, row.id(), row.memberId(), row.businessId(), row.amount(),
					row.category(), row.engaged(), row.occurredAt()))
			.toList();
		if (!purchases.isEmpty()) {
			events.publishEvent(new PurchasesImported(program, importId, businessId, purchases));
		}
	}
}
