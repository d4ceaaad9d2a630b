package io.krug.events;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member registered for an event and got a seat straight away (a plus-one takes a second seat). Members who wait
 * for a seat get {@link PromotedFromWaitlist} instead when one frees up. Published in the registering transaction.
 */
public record EventRegistrationConfirmed(ProgramId programId, UUID eventId, UUID registrationId, UUID memberId,
		boolean plusOne, Instant at) {
}
