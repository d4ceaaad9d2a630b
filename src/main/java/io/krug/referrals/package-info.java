/**
 * Members bringing members: referral codes and links, attribution on registration with its abuse checks, referral
 * campaigns and their rewards, the leaderboard and campaign analytics.
 */
@ApplicationModule(displayName = "Referrals",
		allowedDependencies = { "platform", "identity", "ledger", "loyalty", "loyalty :: purchases",
				"loyalty :: badges", "webhooks" })
@NullMarked
package io.krug.referrals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
