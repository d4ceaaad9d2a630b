package io.krug.referrals.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registration with a referral code: attributed to the referrer, or rejected with the reason.
 *
 * @param rejectReason {@code null} when attributed
 */
public record Referral(UUID id, UUID referrerId, UUID referredId, String code, @Nullable UUID campaignId,
		String status, @Nullable String rejectReason, @Nullable String deviceFingerprint,
		@Nullable UUID firstPurchaseId, @Nullable Instant firstPurchaseAt, Instant createdAt) {

	public static final String ATTRIBUTED = "attributed";

	public static final String REJECTED = "rejected";

	public boolean attributed() {
		return ATTRIBUTED.equals(status);
	}
}
