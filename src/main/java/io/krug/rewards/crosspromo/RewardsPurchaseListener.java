package io.krug.rewards.crosspromo;

import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchasesImported;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.coupons.RewardsAudience;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewards module's listener of purchases. In the purchase's transaction (one statement): remembers the purchase
 * for targeting and redemption against it, exactly when the purchase commits. Only when the business has accepted
 * cross-promotions (asked of a per-replica cache, see {@link CrossPromotionStore}) it publishes
 * {@link CrossPromotedCustomer}, whose asynchronous listener gives the member the coupons after the commit; so a
 * purchase without cross-promotions writes no event publication row. Both writes are idempotent (a member holds at
 * most one coupon per campaign). An import's batch ({@link PurchasesImported}) is one asynchronous event publication:
 * its purchases are remembered and each buyer's coupons given in one transaction after the batch commits.
 */
@Component
class RewardsPurchaseListener {

	private final RewardsAudience audience;

	private final CrossPromotions promotions;

	private final CrossPromotionStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	RewardsPurchaseListener(RewardsAudience audience, CrossPromotions promotions, CrossPromotionStore store,
			ApplicationEventPublisher events, TransactionTemplate tx) {
		this.audience = audience;
		this.promotions = promotions;
		this.store = store;
		this.events = events;
		this.tx = tx;
	}

	/** Joins the purchase's transaction; starts one with the program bound when published outside any. */
	@EventListener
	void on(PurchaseRecorded event) {
		var purchase = new RewardsAudience.KnownPurchase(event.purchaseId(), event.businessId(), event.memberId(),
				event.amount(), event.occurredAt());
		TenantContext.run(event.programId(), () -> tx.executeWithoutResult(s -> {
			audience.purchased(purchase);
			if (event.memberId() != null && store.anyAcceptedFrom(event.businessId())) {
				events.publishEvent(new CrossPromotedCustomer(event.programId(), event.businessId(), event.memberId()));
			}
		}));
	}

	@ApplicationModuleListener(id = "rewards.cross_promoted_customers", propagation = Propagation.NOT_SUPPORTED)
	void on(CrossPromotedCustomer event) {
		TenantContext.run(event.programId(),
				() -> tx.executeWithoutResult(s -> promotions.customerBought(event.businessId(), event.memberId())));
	}

	/**
	 * An import's batch of members' purchases: remembered in one statement, and each buyer's coupons once, only when
	 * the business has accepted cross-promotions; all in one transaction.
	 */
	@ApplicationModuleListener(id = "rewards.imported_purchases", propagation = Propagation.NOT_SUPPORTED)
	void on(PurchasesImported event) {
		TenantContext.run(event.programId(), () -> tx.executeWithoutResult(s -> {
			List<RewardsAudience.KnownPurchase> known = new ArrayList<>(event.purchases().size());
			Set<UUID> buyers = new LinkedHashSet<>();
			for (PurchaseRecorded purchase : event.purchases()) {
				known.add(new RewardsAudience.KnownPurchase(purchase.purchaseId(), purchase.businessId(),
						purchase.memberId(), purchase.amount(), purchase.occurredAt()));
				if (purchase.memberId() != null) {
					buyers.add(purchase.memberId());
				}
			}
			audience.purchasedAll(known);
			if (store.anyAcceptedFrom(event.businessId())) {
				buyers.forEach(member -> promotions.customerBought(event.businessId(), member));
			}
		}));
	}
}
