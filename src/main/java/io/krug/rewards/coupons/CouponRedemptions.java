package io.krug.rewards.coupons;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.loyalty.purchases.PurchaseRecorder;
import io.krug.loyalty.purchases.RecordPurchase;
import io.krug.loyalty.purchases.Recorded;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.CouponRedeemed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redeems coupons at the till, in one transaction with the purchase it comes with. The coupon is claimed first by a
 * conditional update (exactly one of concurrent redemptions of a single-use code gets it; the others wait for its
 * row and then fail with 409 {@code already_redeemed}); the campaign's total and the member's limit are counted by
 * conditional updates too. Any rejection rolls everything back, the purchase included.
 *
 * <p>
 * Effects by type: a discount lowers what is paid (the purchase is recorded at the check minus the discount, and
 * the discount is the partner's cost); a bonus coupon credits the member points funded by the business; a gift is
 * recorded as given, at its worth. A cross-promotion's coupon makes the purchase engaged (seed 003 "вовлеченная
 * транзакция", the platform's commission applies) with the sending business as its source, and credits the member
 * the cross bonus ({@code calculate_cross_bonus}: 10% of what was paid by default), funded by the business.
 */
@Service
class CouponRedemptions {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	/** How long coupon and cross bonuses last, as purchase bonuses do by default. */
	private static final int BONUS_MONTHS = 12;

	private final CouponStore coupons;

	private final CouponCampaignStore campaigns;

	private final CouponRedemptionStore redemptions;

	private final CouponTargeting targeting;

	private final PurchaseRecorder recorder;

	private final RewardsAudience audience;

	private final LedgerApi ledger;

	private final Programs programs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CouponRedemptions(CouponStore coupons, CouponCampaignStore campaigns, CouponRedemptionStore redemptions,
			CouponTargeting targeting, PurchaseRecorder recorder, RewardsAudience audience, LedgerApi ledger,
			Programs programs, ApplicationEventPublisher events, Clock clock) {
		this.coupons = coupons;
		this.campaigns = campaigns;
		this.redemptions = redemptions;
		this.targeting = targeting;
		this.recorder = recorder;
		this.audience = audience;
		this.ledger = ledger;
		this.programs = programs;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param scope the caller's business ({@code null} for every business): another business's purchase is 404
	 */
	@Transactional
	public Redeemed redeem(RedeemCommand command, @Nullable UUID scope) {
		Instant now = clock.instant();
		Coupon coupon = find(Codes.normalize(command.code()), now);
		Campaign campaign = campaigns.find(coupon.campaignId())
			.orElseThrow(() -> new IllegalStateException("A coupon without its campaign indicates a bug"));
		campaign.requireUsableAt(now);
		Till till = till(command, scope);
		if (!till.businessId().equals(campaign.businessId())) {
			throw CouponError.WRONG_BUSINESS.exception("The coupon is for another business's purchases.");
		}
		BigDecimal discount = requireAmount(campaign, till);
		if (campaign.isCrossPromotion() && command.purchase() == null) {
			throw CouponError.PURCHASE_REQUIRED.exception("A cross-promotion's coupon is redeemed with its purchase.");
		}
		if (!coupons.claim(coupon.id(), now)) {
			throw CouponError.ALREADY_REDEEMED.exception("The coupon " + coupon.code() + " was redeemed already.");
		}
		Bought bought = buy(command, campaign, till, discount);
		targeting.require(campaign, coupon, bought.memberId(), bought.purchaseId());
		count(campaign, bought.memberId());
		return apply(new Application(Ids.newId(), coupon, campaign, till, discount, bought, command.actor(), now));
	}

	private Coupon find(String code, Instant now) {
		Coupon coupon = coupons.findByCode(code)
			.orElseThrow(() -> CouponError.COUPON_NOT_FOUND.exception("No coupon " + code + "."));
		boolean byActivation = code.equals(coupon.activationCode()) && !code.equals(coupon.code());
		if (byActivation && !now.isBefore(java.util.Objects.requireNonNull(coupon.activationValidUntil()))) {
			throw CouponError.ACTIVATION_EXPIRED.exception("The activation code was valid until "
					+ coupon.activationValidUntil() + "; the member activates the coupon again.");
		}
		return coupon;
	}

	/** Where and for how much: the new purchase's business and check, or the recorded purchase's. */
	private Till till(RedeemCommand command, @Nullable UUID scope) {
		RedeemCommand.NewPurchase p = command.purchase();
		if (p != null) {
			return new Till(p.businessId(), Money.round(p.amount()), null);
		}
		UUID purchaseId = java.util.Objects.requireNonNull(command.purchaseId(), "purchase or purchase id");
		RewardsAudience.KnownPurchase known = audience.purchase(purchaseId)
			.filter(k -> scope == null || scope.equals(k.businessId()))
			.orElseThrow(() -> CouponError.PURCHASE_NOT_FOUND.exception("No purchase " + purchaseId + "."));
		return new Till(known.businessId(), known.amount(), known);
	}

	/** Checks the minimum; returns the discount, which a new purchase's check must exceed. */
	private static BigDecimal requireAmount(Campaign campaign, Till till) {
		if (campaign.minPurchase() != null && till.check().compareTo(campaign.minPurchase()) < 0) {
			throw CouponError.BELOW_MINIMUM_AMOUNT.exception("The coupon needs a check of at least "
					+ campaign.minPurchase().toPlainString() + ".");
		}
		BigDecimal discount = campaign.type() == Campaign.Type.DISCOUNT ? campaign.worth(till.check()) : ZERO;
		if (till.known() == null && discount.compareTo(till.check()) >= 0) {
			throw CouponError.BELOW_MINIMUM_AMOUNT.exception("The check must exceed the coupon's discount of "
					+ discount.toPlainString() + ".");
		}
		return discount;
	}

	private Bought buy(RedeemCommand command, Campaign campaign, Till till, BigDecimal discount) {
		RedeemCommand.NewPurchase p = command.purchase();
		if (p == null) {
			RewardsAudience.KnownPurchase known = java.util.Objects.requireNonNull(till.known());
			return new Bought(known.purchaseId(), known.memberId(), known.amount());
		}
		Recorded recorded = recorder.record(new RecordPurchase(p.businessId(), p.customer(),
				p.amount().subtract(discount), null, p.description(), null, null, null, campaign.isCrossPromotion(),
				campaign.sourceBusinessId(), command.channel(), command.actor()));
		return new Bought(recorded.purchaseId(), recorded.memberId(), recorded.amount());
	}

	private void count(Campaign campaign, @Nullable UUID member) {
		if (!campaigns.countRedemption(campaign.id())) {
			throw CouponError.CAMPAIGN_EXHAUSTED
				.exception("All " + campaign.totalLimit() + " coupons of the campaign were redeemed.");
		}
		if (member != null && !campaigns.countMemberUse(campaign.id(), member, campaign.perMemberLimit())) {
			throw CouponError.MEMBER_LIMIT_REACHED.exception("The member redeemed this campaign's coupons "
					+ campaign.perMemberLimit() + " time(s) already.");
		}
	}

	private Redeemed apply(Application a) {
		Campaign campaign = a.campaign();
		UUID member = a.bought().memberId();
		BigDecimal paid = a.bought().paid();
		BigDecimal bonus = campaign.type() == Campaign.Type.BONUS ? campaign.worth(paid) : ZERO;
		BigDecimal gift = campaign.type() == Campaign.Type.GIFT ? campaign.value() : ZERO;
		BigDecimal cross = campaign.crossBonusRate() == null || member == null ? ZERO
				: Money.round(paid.multiply(campaign.crossBonusRate()));
		UUID earnTx = earn(a, bonus, "bonus");
		UUID crossTx = earn(a, cross, "cross");
		var stored = new CouponRedemptionStore.Redemption(a.id(), a.coupon().id(), campaign.id(), member,
				a.till().businessId(), a.bought().purchaseId(), a.till().check(), paid, a.discount(), bonus, gift,
				cross, campaign.isCrossPromotion(), campaign.sourceBusinessId(), earnTx, crossTx, a.actor(), a.at());
		redemptions.insert(stored);
		events.publishEvent(new CouponRedeemed(TenantContext.require(), a.coupon().id(), campaign.id(), member,
				a.till().businessId(), a.bought().purchaseId(), a.at()));
		return new Redeemed(stored, a.coupon().code(), campaign);
	}

	/** Credits the member points funded by the business; the key makes a retry post nothing twice. */
	private @Nullable UUID earn(Application a, BigDecimal amount, String step) {
		UUID member = a.bought().memberId();
		if (amount.signum() == 0 || member == null) {
			return null;
		}
		var zone = programs.get(TenantContext.require()).timeZone();
		return ledger.earn(new EarnCommand(member, amount, PartyId.business(a.till().businessId()), a.at(),
				a.at().atZone(zone).plusMonths(BONUS_MONTHS).toInstant(), Reason.PROMOTION_BONUS,
				Source.of(SourceType.PROMOTION, a.id()), a.campaign().title(), a.actor(),
				"coupon:" + a.id() + ":" + step)).transactionId();
	}

	private record Till(UUID businessId, BigDecimal check, RewardsAudience.@Nullable KnownPurchase known) {
	}

	private record Bought(UUID purchaseId, @Nullable UUID memberId, BigDecimal paid) {
	}

	private record Application(UUID id, Coupon coupon, Campaign campaign, Till till, BigDecimal discount,
			Bought bought, String actor, Instant at) {
	}

	/** A redemption and what it was of. */
	record Redeemed(CouponRedemptionStore.Redemption redemption, String code, Campaign campaign) {
	}
}
