package io.krug.rewards.coupons;

import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's coupons (seed 003 {@code GET /loyalty/coupons}) and their activation: a short code of the day to show
 * at the till, valid until the end of that day in the program's time zone. Activating again the same day returns
 * the same code.
 */
@Service
class MemberCoupons {

	/** Attempts at an activation code no other coupon holds. */
	private static final int ROUNDS = 5;

	private final CouponStore coupons;

	private final CouponCampaignStore campaigns;

	private final Programs programs;

	private final Clock clock;

	MemberCoupons(CouponStore coupons, CouponCampaignStore campaigns, Programs programs, Clock clock) {
		this.coupons = coupons;
		this.campaigns = campaigns;
		this.programs = programs;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<CouponStore.MemberCoupon> list(UUID member, int limit, int offset) {
		return coupons.available(member, clock.instant(), limit, offset);
	}

	@Transactional(readOnly = true)
	long count(UUID member) {
		return coupons.countAvailable(member, clock.instant());
	}

	/**
	 * @throws io.krug.platform.web.KrugException 404 {@code coupon_not_found} for another member's coupon, 409
	 * {@code already_redeemed}, 422 {@code coupon_expired}, {@code coupon_not_yet_valid}, {@code campaign_inactive}
	 */
	@Transactional
	Activation activate(UUID member, UUID couponId) {
		Instant now = clock.instant();
		Coupon coupon = coupons.find(couponId)
			.filter(c -> member.equals(c.memberId()))
			.orElseThrow(() -> CouponError.COUPON_NOT_FOUND.exception("You have no coupon " + couponId + "."));
		if (Coupon.REDEEMED.equals(coupon.status())) {
			throw CouponError.ALREADY_REDEEMED.exception("The coupon was redeemed already.");
		}
		campaigns.find(coupon.campaignId()).orElseThrow().requireUsableAt(now);
		ZoneId zone = programs.get(TenantContext.require()).timeZone();
		if (coupon.activationCode() != null && now.isBefore(coupon.activationValidUntil())) {
			return new Activation(coupon.id(), coupon.activationCode(), coupon.activationValidUntil(), zone);
		}
		Instant endOfDay = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		for (int round = 0; round < ROUNDS; round++) {
			String code = Codes.activation();
			if (coupons.activate(coupon.id(), code, endOfDay)) {
				return new Activation(coupon.id(), code, endOfDay, zone);
			}
		}
		throw new IllegalStateException("Activation codes kept colliding, which indicates a bug");
	}

	/**
	 * A coupon's activation code.
	 *
	 * @param endsAt the first instant it is no longer valid: the next midnight in {@code zone}
	 */
	record Activation(UUID couponId, String code, Instant endsAt, ZoneId zone) {
	}
}
