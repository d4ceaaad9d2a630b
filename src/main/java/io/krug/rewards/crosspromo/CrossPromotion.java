package io.krug.rewards.crosspromo;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cross-promotion: business {@code to} (B) offers the customers of business {@code from} (A) a coupon of its
 * campaign; A's owner accepts or declines it.
 *
 * @param status {@code proposed}, {@code accepted} or {@code declined}
 */
record CrossPromotion(UUID id, UUID fromBusinessId, UUID toBusinessId, UUID campaignId, String status,
		String createdBy, Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

	static final String PROPOSED = "proposed";

	static final String ACCEPTED = "accepted";

	static final String DECLINED = "declined";

	boolean involves(@Nullable UUID business) {
		return business == null || business.equals(fromBusinessId) || business.equals(toBusinessId);
	}
}
