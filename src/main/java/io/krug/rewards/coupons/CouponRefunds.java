package io.krug.rewards.coupons;

import io.krug.ledger.LedgerApi;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.Source;
import io.krug.loyalty.PurchaseRefunded;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a purchase that redeemed coupons is refunded in full, its redemptions no longer stand: the bonuses they
 * credited are taken back, the campaign's and the member's counts go down, and each coupon returns to the member
 * (available again) if its campaign is still active and running. A partial refund leaves the coupon used. At least
 * once per refund; handling a redemption twice does nothing (its {@code refunded_at}, the ledger's keys).
 */
@Component
class CouponRefunds {

	private final CouponRedemptionStore redemptions;

	private final CouponCampaignStore campaigns;

	private final CouponStore coupons;

	private final LedgerApi ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	CouponRefunds(CouponRedemptionStore redemptions, CouponCampaignStore campaigns, CouponStore coupons,
			LedgerApi ledger, TransactionTemplate tx, Clock clock) {
		this.redemptions = redemptions;
		this.campaigns = campaigns;
		this.coupons = coupons;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "rewards.coupons.refunds", propagation = Propagation.NOT_SUPPORTED)
	void on(PurchaseRefunded event) {
		TenantContext.run(event.programId(), () -> tx.executeWithoutResult(s -> refunded(event)));
	}

	void refunded(PurchaseRefunded event) {
		Instant now = clock.instant();
		for (CouponRedemptionStore.Redemption r : redemptions.standingForPurchase(event.purchaseId())) {
			if (event.refundedTotal().compareTo(r.paidAmount()) < 0) {
				continue;
			}
			reverse(r, r.earnTxId(), r.bonus(), event.refundId(), "bonus");
			reverse(r, r.crossTxId(), r.crossBonus(), event.refundId(), "cross");
			campaigns.uncountRedemption(r.campaignId());
			if (r.memberId() != null) {
				campaigns.uncountMemberUse(r.campaignId(), r.memberId());
			}
			Campaign campaign = campaigns.find(r.campaignId()).orElseThrow();
			boolean returns = campaign.active() && now.isBefore(campaign.validUntil());
			if (returns) {
				coupons.release(r.couponId());
			}
			redemptions.markRefunded(r.id(), now, returns);
		}
	}

	private void reverse(CouponRedemptionStore.Redemption r, @Nullable UUID earnTx, BigDecimal amount, UUID refund,
			String step) {
		if (earnTx == null) {
			return;
		}
		ledger.reverseEarn(new ReverseEarnCommand(earnTx, amount, Source.refund(refund), "Coupon returned",
				"system", "coupon:" + r.id() + ":refund:" + step));
	}
}
