package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A club event as stored.
 *
 * @param seatsTaken seats of confirmed registrations (a plus-one takes two)
 * @param organizerType {@code business} or {@code platform}
 * @param refundCutoffHours a paid registration cancelled at least this long before the start is refunded
 * @param proposalId the member proposal the event realizes, if any
 */
public record Event(UUID id, String title, @Nullable String description, @Nullable String fullDescription,
		String type, EventFormat format, BigDecimal price, Instant startsAt, Instant endsAt, @Nullable UUID businessId,
		@Nullable String locationAddress, int capacity, int seatsTaken, MemberStatus minStatus,
		@Nullable String coverImageUrl, List<ProgramItem> program, List<Speaker> speakers, List<String> whatToBring,
		List<String> gallery, String organizerType, String organizerName, boolean allowPlusOne, int refundCutoffHours,
		@Nullable UUID proposalId, @Nullable Instant cancelledAt, @Nullable String cancelReason, String createdBy,
		Instant createdAt, Instant updatedAt) {

	/** Seed 003's event status: {@code cancelled}, {@code past} once it ended, else {@code upcoming}. */
	public String status(Instant now) {
		if (cancelledAt != null) {
			return "cancelled";
		}
		return endsAt.isAfter(now) ? "upcoming" : "past";
	}

	public boolean isCancelled() {
		return cancelledAt != null;
	}

	public boolean hasStarted(Instant now) {
		return !startsAt.isAfter(now);
	}

	/** Until when a cancelled paid registration is refunded. */
	public Instant refundableUntil() {
		return startsAt.minus(Duration.ofHours(refundCutoffHours));
	}

	public int seatsLeft() {
		return capacity - seatsTaken;
	}

	public boolean isPaid() {
		return format == EventFormat.PAID;
	}
}
