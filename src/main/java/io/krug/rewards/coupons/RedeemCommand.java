package io.krug.rewards.coupons;

import io.krug.loyalty.purchases.Customer;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Redeem a coupon at a business's till: with a purchase recorded before ({@code purchaseId}), or with the purchase
 * to record now ({@code purchase}); exactly one of them.
 *
 * @param code the coupon's code or the member's activation code of the day, as typed
 * @param channel how the purchase arrived: {@code qr}, {@code manual} or {@code api}
 * @param actor who redeems, e.g. {@code staff:<uuid>}
 */
record RedeemCommand(String code, @Nullable UUID purchaseId, @Nullable NewPurchase purchase, String channel,
		String actor) {

	/**
	 * The purchase the coupon comes with.
	 *
	 * @param amount the check before the coupon's discount
	 */
	record NewPurchase(UUID businessId, Customer customer, BigDecimal amount, @Nullable String description) {
	}
}
