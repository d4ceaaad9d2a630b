package io.krug.rewards.crosspromo;

import io.krug.loyalty.PurchaseRecorded;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.coupons.RewardsAudience;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewards module's one listener of purchases (one event publication row per purchase): remembers the purchase
 * for targeting and redemption against it, and gives a member who bought at a business the coupons of accepted
 * cross-promotions from it. At least once per purchase; both writes are idempotent (a member holds at most one
 * coupon per campaign). No transaction of its own ({@code NOT_SUPPORTED}): it starts one with the program bound.
 */
@Component
class RewardsPurchaseListener {

	private final RewardsAudience audience;

	private final CrossPromotions promotions;

	private final TransactionTemplate tx;

	RewardsPurchaseListener(RewardsAudience audience, CrossPromotions promotions, TransactionTemplate tx) {
		this.audience = audience;
		this.promotions = promotions;
		this.tx = tx;
	}

	@ApplicationModuleListener(id = "rewards.known_purchases", propagation = Propagation.NOT_SUPPORTED)
	void on(PurchaseRecorded event) {
		var purchase = new RewardsAudience.KnownPurchase(event.purchaseId(), event.businessId(), event.memberId(),
				event.amount(), event.occurredAt());
		TenantContext.run(event.programId(), () -> tx.executeWithoutResult(s -> {
			audience.purchased(purchase);
			if (event.memberId() != null) {
				promotions.customerBought(event.businessId(), event.memberId());
			}
		}));
	}
}
