package io.krug.rewards.crosspromo;

import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.rewards.coupons.RewardsAudience;
import io.krug.rewards.coupons.Campaign;
import io.krug.rewards.coupons.CampaignStats;
import io.krug.rewards.coupons.CampaignTerms;
import io.krug.rewards.coupons.CouponCampaigns;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-promotions between partner businesses (seed 003 "кросс-промо"): business B proposes to give business A's
 * customers a coupon of B; A's owner (or an admin) accepts or declines. On acceptance B's campaign becomes active and
 * every member who bought at A gets a coupon; members who buy at A later get theirs as they buy. Redeeming one at B
 * records an engaged purchase with A as its source and credits the member the cross bonus. Business staff see and
 * decide only cross-promotions their business takes part in; others are 404.
 */
@Service
class CrossPromotions {

	private final CrossPromotionStore store;

	private final CouponCampaigns campaigns;

	private final RewardsAudience audience;

	private final PartnersApi partners;

	private final Clock clock;

	CrossPromotions(CrossPromotionStore store, CouponCampaigns campaigns, RewardsAudience audience,
			PartnersApi partners, Clock clock) {
		this.store = store;
		this.campaigns = campaigns;
		this.audience = audience;
		this.partners = partners;
		this.clock = clock;
	}

	/**
	 * B proposes: creates B's campaign (inactive until accepted, one coupon per member) and the proposal.
	 *
	 * @param bonusRate the member's cross bonus on the engaged purchase, a share of what was paid
	 */
	@Transactional
	CrossPromotion propose(UUID from, UUID to, CampaignTerms terms, BigDecimal bonusRate, String actor) {
		if (from.equals(to)) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "from_business_id",
					"must be another business than to_business_id");
		}
		if (partners.findBusiness(from).isEmpty()) {
			throw CrossPromotionError.BUSINESS_NOT_FOUND.exception("No business " + from + ".");
		}
		var cross = new CouponCampaigns.CrossTerms(from, bonusRate);
		Campaign campaign = campaigns.create(to, terms, List.of(), cross, false, actor);
		CrossPromotion proposal = new CrossPromotion(Ids.newId(), from, to, campaign.id(), CrossPromotion.PROPOSED,
				actor, clock.instant(), null, null);
		if (!store.insert(proposal)) {
			throw CrossPromotionError.CROSS_PROMOTION_EXISTS
				.exception("Business " + to + " has a live cross-promotion for " + from + "'s customers.");
		}
		return proposal;
	}

	/** A accepts: the campaign becomes active and A's customers get their coupons. Returns how many were issued. */
	@Transactional
	Decided accept(UUID id, @Nullable UUID scope, String actor) {
		CrossPromotion p = decide(id, scope, CrossPromotion.ACCEPTED, actor);
		Campaign campaign = campaigns.setActive(p.campaignId(), null, true);
		int issued = campaigns.issueTo(campaign, audience.customersOf(p.fromBusinessId()));
		return new Decided(store.find(id).orElseThrow(), issued);
	}

	@Transactional
	Decided decline(UUID id, @Nullable UUID scope, String actor) {
		decide(id, scope, CrossPromotion.DECLINED, actor);
		return new Decided(store.find(id).orElseThrow(), 0);
	}

	private CrossPromotion decide(UUID id, @Nullable UUID scope, String status, String actor) {
		CrossPromotion p = store.find(id)
			.filter(x -> x.involves(scope))
			.orElseThrow(() -> notFound(id));
		if (scope != null && !scope.equals(p.fromBusinessId())) {
			throw CrossPromotionError.CROSS_PROMOTION_NOT_FOUND
				.exception("Only the business whose customers it addresses decides cross-promotion " + id + ".");
		}
		if (!store.decide(id, status, actor, clock.instant())) {
			throw CrossPromotionError.CROSS_PROMOTION_DECIDED.exception("Cross-promotion " + id + " was " + p.status()
					+ " already.");
		}
		return p;
	}

	/** Gives a coupon of every accepted cross-promotion from the business to its (new) customer. */
	@Transactional
	void customerBought(UUID business, UUID member) {
		Instant now = clock.instant();
		for (CrossPromotion p : store.acceptedFrom(business)) {
			Campaign campaign = campaigns.get(p.campaignId(), null);
			if (campaign.active() && now.isBefore(campaign.validUntil())) {
				campaigns.issueTo(campaign, List.of(member));
			}
		}
	}

	@Transactional(readOnly = true)
	CrossPromotion get(UUID id, @Nullable UUID scope) {
		return store.find(id)
			.filter(x -> x.involves(scope))
			.orElseThrow(() -> notFound(id));
	}

	@Transactional(readOnly = true)
	List<CrossPromotion> list(@Nullable UUID scope, int limit, int offset) {
		return store.list(scope, limit, offset);
	}

	@Transactional(readOnly = true)
	long count(@Nullable UUID scope) {
		return store.count(scope);
	}

	/** The cross-promotion's campaign figures: coupons issued and redeemed, engaged revenue. */
	@Transactional(readOnly = true)
	Stats stats(UUID id, @Nullable UUID scope) {
		CrossPromotion p = get(id, scope);
		return new Stats(p, campaigns.stats(p.campaignId(), null));
	}

	@Transactional(readOnly = true)
	Campaign campaign(CrossPromotion p) {
		return campaigns.get(p.campaignId(), null);
	}

	private static RuntimeException notFound(UUID id) {
		return CrossPromotionError.CROSS_PROMOTION_NOT_FOUND.exception("No cross-promotion " + id + ".");
	}

	/** A decision and the coupons it issued. */
	record Decided(CrossPromotion promotion, int issued) {
	}

	record Stats(CrossPromotion promotion, CampaignStats campaign) {
	}
}
