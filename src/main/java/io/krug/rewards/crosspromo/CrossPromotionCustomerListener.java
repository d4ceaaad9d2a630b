package io.krug.rewards.crosspromo;

import io.krug.loyalty.PurchaseRecorded;
import io.krug.platform.tenancy.TenantContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives members who buy at a business the coupons of cross-promotions from it, once they bought (at least once per
 * purchase; a member holds at most one coupon per campaign, so a repeat issues nothing).
 */
@Component
class CrossPromotionCustomerListener {

	private final CrossPromotions promotions;

	CrossPromotionCustomerListener(CrossPromotions promotions) {
		this.promotions = promotions;
	}

	@ApplicationModuleListener(id = "rewards.crosspromo.customers", propagation = Propagation.NOT_SUPPORTED)
	void on(PurchaseRecorded event) {
		if (event.memberId() != null) {
			TenantContext.run(event.programId(),
					() -> promotions.customerBought(event.businessId(), event.memberId()));
		}
	}
}
