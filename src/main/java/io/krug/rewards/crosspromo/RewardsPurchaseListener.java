package io.krug.rewards.crosspromo;

import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchasesImported;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.coupons.RewardsAudience;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewards module's listener of purchases (one event publication row per purchase, or per batch of an import): remembers the purchase
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

	/** An import's batch of members' purchases: all of them in one transaction, each buyer's coupons once. */
	@ApplicationModuleListener(id = "rewards.imported_purchases", propagation = Propagation.NOT_SUPPORTED)
	void on(PurchasesImported event) {
		TenantContext.run(event.programId(), () -> tx.executeWithoutResult(s -> {
			Set<UUID> buyers = new LinkedHashSet<>();
			for (PurchaseRecorded purchase : event.purchases()) {
				audience.purchased(new RewardsAudience.KnownPurchase(purchase.purchaseId(), purchase.businessId(),
						purchase.memberId(), purchase.amount(), purchase.occurredAt()));
				if (purchase.memberId() != null) {
					buyers.add(purchase.memberId());
				}
			}
			buyers.forEach(member -> promotions.customerBought(event.businessId(), member));
		}));
	}
}
