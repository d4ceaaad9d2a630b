package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A coupon was redeemed at a business's till with a purchase.
 *
 * @param memberId the member the coupon was issued to or who redeemed it; {@code null} for an unmatched buyer
 */
public record CouponRedeemed(ProgramId programId, UUID couponId, UUID campaignId, @Nullable UUID memberId,
		UUID businessId, UUID purchaseId, Instant at) {
}
