package io.krug.events;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * Staff checked a member in at an event: the member attended.
 *
 * @param eventsAttended the events the member has attended so far, this one included
 */
public record MemberCheckedIn(ProgramId programId, UUID eventId, UUID registrationId, UUID memberId,
		long eventsAttended, Instant at) {
}
