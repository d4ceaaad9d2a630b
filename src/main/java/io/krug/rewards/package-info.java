/**
 * What a program gives members to come back: coupon campaigns and promo codes, cross-promotions between partner
 * businesses, the reward catalog paid with bonuses, the program's internal currency with its bundles, and the access
 * tokens those buy.
 */
@ApplicationModule(displayName = "Rewards",
		allowedDependencies = { "platform", "identity", "partners", "ledger", "loyalty", "loyalty :: purchases",
				"webhooks" })
@NullMarked
package io.krug.rewards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
