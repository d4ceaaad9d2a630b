package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's coupon that is still unused expires soon (published once per coupon, days before its end).
 *
 * @param title what the coupon gives, as its campaign describes it
 */
public record CouponExpiring(ProgramId programId, UUID couponId, UUID memberId, String title, Instant validUntil) {
}
