package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as a list shows it to a caller.
 *
 * @param myStatus the calling member's live registration's status, if any
 */
public record EventListing(Event event, long waitlistCount, @Nullable RegistrationStatus myStatus,
		@Nullable UUID myRegistrationId) {

	public boolean isRegistered() {
		return myStatus != null;
	}

	/**
	 * Whether the member may register now: open (not started, not cancelled), their status high enough, and not
	 * registered already. A full event still takes registrations, on the waitlist.
	 */
	public boolean canRegister(@Nullable MemberStatus status, Instant now) {
		return status != null && myStatus == null && !event.isCancelled() && !event.hasStarted(now)
				&& Keys.atLeast(status, event.minStatus());
	}
}
