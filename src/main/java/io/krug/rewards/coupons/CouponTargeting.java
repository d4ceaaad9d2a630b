package io.krug.rewards.coupons;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a coupon may serve this buyer. A coupon issued to a member serves only that member (the issuer chose the
 * audience), and a new-customers campaign only a member who never bought at the business before. A bearer code
 * serves the members its campaign targets; a buyer who is not a member only an everyone-campaign without a
 * per-member limit that gives no bonus.
 */
@Component
class CouponTargeting {

	private final CouponCampaignStore campaigns;

	private final RewardsAudience audience;

	private final IdentityApi identity;

	CouponTargeting(CouponCampaignStore campaigns, RewardsAudience audience, IdentityApi identity) {
		this.campaigns = campaigns;
		this.audience = audience;
		this.identity = identity;
	}

	/** @throws io.krug.platform.web.KrugException 422 {@code member_not_targeted} */
	void require(Campaign campaign, Coupon coupon, @Nullable UUID member, UUID purchase) {
		if (coupon.memberId() != null && !coupon.memberId().equals(member)) {
			throw CouponError.MEMBER_NOT_TARGETED.exception("The coupon was issued to another member.");
		}
		if (member == null) {
			if (campaign.target() != Campaign.Target.EVERYONE || campaign.type() == Campaign.Type.BONUS
					|| campaign.perMemberLimit() != null) {
				throw CouponError.MEMBER_NOT_TARGETED.exception("The coupon is only for members of the program.");
			}
			return;
		}
		if (!targets(campaign, coupon, member, purchase)) {
			throw CouponError.MEMBER_NOT_TARGETED.exception(switch (campaign.target()) {
				case TIER -> "The coupon is for members of status " + campaign.targetTier().key() + " and up.";
				case NEW_CUSTOMERS -> "The coupon is only for new customers of the business.";
				default -> "The coupon is not for this member.";
			});
		}
	}

	private boolean targets(Campaign campaign, Coupon coupon, UUID member, UUID purchase) {
		if (campaign.target() == Campaign.Target.NEW_CUSTOMERS) {
			return !audience.boughtAt(campaign.businessId(), member, purchase);
		}
		if (coupon.memberId() != null) {
			return true;
		}
		return switch (campaign.target()) {
			case EVERYONE, NEW_CUSTOMERS -> true;
			case TIER -> identity.findMember(member)
				.map(MemberSummary::status)
				.filter(s -> s.compareTo(java.util.Objects.requireNonNull(campaign.targetTier())) >= 0)
				.isPresent();
			case MEMBERS -> campaigns.isListed(campaign.id(), member);
		};
	}
}
