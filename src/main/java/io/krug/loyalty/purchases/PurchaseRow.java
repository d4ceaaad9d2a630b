package io.krug.loyalty.purchases;

import io.krug.identity.MemberStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored purchase.
 *
 * @param phone the buyer's phone (E.164) while the purchase is unmatched; {@code null} once it has a member
 * @param status {@code recorded}, {@code unmatched} or {@code refunded} (refunded in full)
 * @param pendingUntil when the earned bonuses become available; {@code null} when nothing was earned
 * @param eventsBudget what went to the club's events budget
 * @param commission the platform's commission
 */
record PurchaseRow(UUID id, UUID businessId, @Nullable UUID memberId, @Nullable String phone, BigDecimal amount,
		BigDecimal refundedAmount, String category, @Nullable String description, @Nullable String externalId,
		Instant occurredAt, BigDecimal bonusesEarned, BigDecimal bonusesSpent, @Nullable UUID earnTxId,
		@Nullable UUID spendTxId, String status, boolean engaged, @Nullable UUID sourceBusinessId, String channel,
		String recordedBy, Instant createdAt, @Nullable MemberStatus statusBefore, @Nullable MemberStatus statusAfter,
		@Nullable Instant pendingUntil, BigDecimal eventsBudget, BigDecimal commission, @Nullable Instant matchedAt) {

	static final String RECORDED = "recorded";

	static final String UNMATCHED = "unmatched";

	static final String REFUNDED = "refunded";

	boolean matched() {
		return memberId != null;
	}

	PurchaseRow withStatusAfter(MemberStatus after) {
		return new PurchaseRow(id, businessId, memberId, phone, amount, refundedAmount, category, description,
				externalId, occurredAt, bonusesEarned, bonusesSpent, earnTxId, spendTxId, status, engaged,
				sourceBusinessId, channel, recordedBy, createdAt, statusBefore, after, pendingUntil, eventsBudget,
				commission, matchedAt);
	}
}
