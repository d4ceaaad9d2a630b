package io.krug.rewards.coupons;

import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon campaigns of the current program: created and changed by a business's owner (for their business only) or
 * an admin, with bearer promo codes generated in bulk and coupons issued to members. Every method takes the caller's
 * business scope ({@code null} for every business); a campaign of another business is 404 {@code campaign_not_found}.
 */
@Service
public class CouponCampaigns {

	/** Attempts at finding fresh codes for what collided; each round draws only the missing ones. */
	private static final int CODE_ROUNDS = 5;

	private final CouponCampaignStore campaigns;

	private final CouponStore coupons;

	private final CouponRedemptionStore redemptions;

	private final RewardsAudience audience;

	private final PartnersApi partners;

	private final Clock clock;

	CouponCampaigns(CouponCampaignStore campaigns, CouponStore coupons, CouponRedemptionStore redemptions,
			RewardsAudience audience, PartnersApi partners, Clock clock) {
		this.campaigns = campaigns;
		this.coupons = coupons;
		this.redemptions = redemptions;
		this.audience = audience;
		this.partners = partners;
		this.clock = clock;
	}

	/**
	 * Creates a campaign of the business; {@code members} are the members of a {@code members} target.
	 *
	 * @param cross for a cross-promotion's campaign: the business sending customers and the member's cross bonus
	 * rate; {@code null} otherwise
	 */
	@Transactional
	public Campaign create(UUID business, CampaignTerms terms, List<UUID> members, @Nullable CrossTerms cross,
			boolean active, String actor) {
		if (partners.findBusiness(business).isEmpty()) {
			throw CouponError.BUSINESS_NOT_FOUND.exception("No business " + business + ".");
		}
		Instant now = clock.instant();
		Campaign campaign = new Campaign(Ids.newId(), business, terms.title(), terms.description(), terms.conditions(),
				terms.type(), terms.valueKind(), terms.value(), terms.minPurchase(), terms.validFrom(),
				terms.validUntil(), terms.totalLimit(), terms.perMemberLimit(), terms.target(), terms.targetTier(),
				cross == null ? null : cross.sourceBusinessId(), cross == null ? null : cross.bonusRate(), active, 0,
				actor, now, now);
		campaigns.insert(campaign);
		if (!members.isEmpty()) {
			campaigns.addMembers(campaign.id(), List.copyOf(new LinkedHashSet<>(members)));
		}
		return campaign;
	}

	/** A cross-promotion's part of a campaign. */
	public record CrossTerms(UUID sourceBusinessId, BigDecimal bonusRate) {
	}

	@Transactional(readOnly = true)
	public Campaign get(UUID id, @Nullable UUID scope) {
		return campaigns.find(id)
			.filter(c -> scope == null || scope.equals(c.businessId()))
			.orElseThrow(() -> CouponError.CAMPAIGN_NOT_FOUND.exception("No campaign " + id + "."));
	}

	@Transactional(readOnly = true)
	public List<Campaign> list(@Nullable UUID business, int limit, int offset) {
		return campaigns.list(business, limit, offset);
	}

	@Transactional(readOnly = true)
	public long count(@Nullable UUID business) {
		return campaigns.count(business);
	}

	/**
	 * Replaces the campaign's terms and adds {@code members} to its list; the total limit may not go below what was
	 * redeemed.
	 */
	@Transactional
	public Campaign update(UUID id, @Nullable UUID scope, CampaignTerms terms, List<UUID> members) {
		Campaign c = get(id, scope);
		if (terms.totalLimit() != null && terms.totalLimit() < c.redeemedCount()) {
			throw CouponError.LIMIT_BELOW_REDEEMED
				.exception(c.redeemedCount() + " coupons were redeemed already; the limit cannot be lower.");
		}
		Campaign changed = new Campaign(c.id(), c.businessId(), terms.title(), terms.description(), terms.conditions(),
				terms.type(), terms.valueKind(), terms.value(), terms.minPurchase(), terms.validFrom(),
				terms.validUntil(), terms.totalLimit(), terms.perMemberLimit(), terms.target(), terms.targetTier(),
				c.sourceBusinessId(), c.crossBonusRate(), c.active(), c.redeemedCount(), c.createdBy(), c.createdAt(),
				clock.instant());
		campaigns.update(changed);
		if (!members.isEmpty()) {
			campaigns.addMembers(id, List.copyOf(new LinkedHashSet<>(members)));
		}
		return changed;
	}

	/** Activates or deactivates the campaign: a deactivated one's coupons cannot be redeemed or listed. */
	@Transactional
	public Campaign setActive(UUID id, @Nullable UUID scope, boolean active) {
		get(id, scope);
		campaigns.setActive(id, active, clock.instant());
		return get(id, scope);
	}

	/** Generates {@code count} new bearer codes, unique in the program; returns how many were made. */
	@Transactional
	public int generateCodes(UUID id, @Nullable UUID scope, int count) {
		get(id, scope);
		Instant now = clock.instant();
		int made = 0;
		for (int round = 0; round < CODE_ROUNDS && made < count; round++) {
			Set<String> fresh = new LinkedHashSet<>();
			while (fresh.size() < count - made) {
				fresh.add(Codes.code());
			}
			made += coupons.insertCodes(id, new ArrayList<>(fresh), now);
		}
		if (made < count) {
			throw new IllegalStateException("Codes kept colliding; the code space is exhausted, which indicates a bug");
		}
		return made;
	}

	/**
	 * Issues one coupon of the campaign to each member (a member who has one already keeps it); with no members,
	 * to everyone the campaign targets. Returns how many members hold one of its coupons now.
	 */
	@Transactional
	public int issue(UUID id, @Nullable UUID scope, List<UUID> members) {
		Campaign campaign = get(id, scope);
		List<UUID> to = members.isEmpty() ? targeted(campaign) : List.copyOf(new LinkedHashSet<>(members));
		return issueTo(campaign, to);
	}

	/** Issues the campaign's coupons to the members, whoever the caller (the program's own decisions). */
	@Transactional
	public int issueTo(Campaign campaign, List<UUID> members) {
		List<UUID> missing = members;
		for (int round = 0; round < CODE_ROUNDS && !missing.isEmpty(); round++) {
			missing = coupons.issue(campaign.id(), missing, clock.instant());
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Codes kept colliding; the code space is exhausted, which indicates a bug");
		}
		return members.size();
	}

	private List<UUID> targeted(Campaign campaign) {
		return switch (campaign.target()) {
			case EVERYONE -> audience.members(null);
			case TIER -> audience.members(campaign.targetTier());
			case MEMBERS -> campaigns.listedMembers(campaign.id());
			case NEW_CUSTOMERS -> audience.newCustomersOf(campaign.businessId());
		};
	}

	/** Bearer codes of the campaign, oldest first. */
	@Transactional(readOnly = true)
	public List<String> codes(UUID id, @Nullable UUID scope, int limit, int offset) {
		get(id, scope);
		return coupons.codes(id, limit, offset);
	}

	@Transactional(readOnly = true)
	public long countCodes(UUID id) {
		return coupons.counts(id).codes();
	}

	/** What the campaign gave and cost: the partner's statistics. */
	@Transactional(readOnly = true)
	public CampaignStats stats(UUID id, @Nullable UUID scope) {
		Campaign campaign = get(id, scope);
		CouponStore.CouponCounts counts = coupons.counts(id);
		CouponRedemptionStore.Totals t = redemptions.totals(id);
		return new CampaignStats(campaign, counts.issued(), counts.codes(), counts.redeemed(), t.redemptions(),
				t.refunded(), t.checks(), t.paid(), t.discounts(), t.bonuses(), t.gifts(), t.crossBonuses(),
				t.engagedRevenue());
	}
}
