package io.krug.events;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * A waitlisted member got a seat because another registration was cancelled or the event grew. Published once per
 * promotion, in the transaction that freed the seat.
 */
public record PromotedFromWaitlist(ProgramId programId, UUID eventId, UUID registrationId, UUID memberId,
		boolean plusOne, Instant at) {
}
