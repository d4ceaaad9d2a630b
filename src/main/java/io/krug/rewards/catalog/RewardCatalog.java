package io.krug.rewards.catalog;

import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.ledger.SpendCommand;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward catalog: items members buy with available bonuses. A redemption takes one from the stock and spends the
 * price through the ledger ({@code REWARD_REDEMPTION}; the item's business, or the club, redeems the bonuses and is
 * owed their value by the lots' funders) in one transaction: stock never oversells, and a member whose bonuses do
 * not cover the price (422 {@code insufficient_balance}) takes nothing from the stock.
 */
@Service
class RewardCatalog {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RewardStore store;

	private final LedgerApi ledger;

	private final PartnersApi partners;

	private final Clock clock;

	RewardCatalog(RewardStore store, LedgerApi ledger, PartnersApi partners, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.partners = partners;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<RewardItem> list(boolean activeOnly) {
		return store.list(activeOnly);
	}

	@Transactional(readOnly = true)
	RewardItem get(UUID id) {
		return store.find(id).orElseThrow(() -> notFound(id));
	}

	@Transactional
	RewardItem create(ItemDraft draft) {
		RewardItem item = item(Ids.newId(), draft);
		store.insert(item);
		return item;
	}

	@Transactional
	RewardItem update(UUID id, ItemDraft draft) {
		if (!store.update(item(id, draft), clock.instant())) {
			throw notFound(id);
		}
		return store.find(id).orElseThrow();
	}

	@Transactional
	void delete(UUID id) {
		if (store.redeemed(id)) {
			throw RewardError.REWARD_REDEEMED.exception("Reward " + id + " was redeemed; set active to false instead.");
		}
		if (!store.delete(id)) {
			throw notFound(id);
		}
	}

	@Transactional
	Redeemed redeem(UUID itemId, UUID member, String actor) {
		RewardItem item = store.find(itemId).filter(RewardItem::active).orElseThrow(() -> notFound(itemId));
		if (!store.takeOne(itemId)) {
			throw store.find(itemId).filter(RewardItem::active).isPresent()
					? RewardError.OUT_OF_STOCK.exception("No " + item.name() + " is left.") : notFound(itemId);
		}
		UUID id = Ids.newId();
		PartyId redeemer = item.businessId() != null ? PartyId.business(item.businessId())
				: PartyId.club(TenantContext.require());
		Posting paid = ledger.spend(new SpendCommand(member, item.price(), redeemer, Reason.REWARD_REDEMPTION,
				Source.of(SourceType.REWARD, id), "Reward " + item.name(), actor, null));
		Redemption redemption = new Redemption(id, itemId, item.name(), member, item.price(), item.businessId(),
				code(), paid.transactionId(), clock.instant());
		store.insertRedemption(redemption);
		return new Redeemed(redemption, paid);
	}

	@Transactional(readOnly = true)
	Page redemptions(UUID member, int limit, int offset) {
		return new Page(store.redemptionsOf(member, limit, offset), store.countRedemptionsOf(member));
	}

	private RewardItem item(UUID id, ItemDraft draft) {
		UUID business = draft.businessId();
		if (business != null && partners.findBusiness(business).isEmpty()) {
			throw RewardError.UNKNOWN_BUSINESS.exception("No business " + business + " in this program.");
		}
		return new RewardItem(id, draft.name(), draft.description(), draft.price(), draft.stock(), business,
				draft.active(), clock.instant());
	}

	private static String code() {
		StringBuilder code = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private static KrugException notFound(UUID id) {
		return RewardError.REWARD_NOT_FOUND.exception("No reward " + id + ".");
	}

	/** A redemption and the ledger posting that paid for it (with the member's bonuses after it). */
	record Redeemed(Redemption redemption, Posting posting) {
	}

	record Page(List<Redemption> items, long total) {
	}
}
