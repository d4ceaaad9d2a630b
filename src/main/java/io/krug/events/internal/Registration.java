package io.krug.events.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's registration for an event.
 *
 * @param seq the order of registration; the waitlist is served in this order
 * @param seats 1, or 2 with a plus-one
 * @param paidAmount bonuses taken for the seats (price times seats); {@code spendTransactionId} is the ledger's
 */
public record Registration(UUID id, UUID eventId, UUID memberId, long seq, RegistrationStatus status,
		boolean plusOne, int seats, @Nullable String dietaryRestrictions, String ticketCode, String registeredBy,
		Instant registeredAt, @Nullable Instant promotedAt, @Nullable Instant cancelledAt,
		@Nullable String cancelReason, BigDecimal paidAmount, @Nullable UUID spendTransactionId,
		BigDecimal refundedAmount, @Nullable Instant checkedInAt) {

	public boolean isLive() {
		return status != RegistrationStatus.CANCELLED;
	}

	public boolean isConfirmed() {
		return status == RegistrationStatus.CONFIRMED;
	}
}
