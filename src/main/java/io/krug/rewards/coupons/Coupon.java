package io.krug.rewards.coupons;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A code of a campaign: a bearer promo code ({@code memberId == null}) or a coupon issued to one member.
 *
 * @param activationCode the member's code of the day, valid until {@code activationValidUntil}
 */
record Coupon(UUID id, UUID campaignId, String code, @Nullable UUID memberId, String status,
		@Nullable String activationCode, @Nullable Instant activationValidUntil, Instant issuedAt,
		@Nullable Instant redeemedAt) {

	static final String REDEEMED = "redeemed";
}
