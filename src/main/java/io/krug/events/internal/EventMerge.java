package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import io.krug.partners.BusinessSummary;
import io.krug.platform.Money;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** Applies {@link EventChanges} to an event: absent fields stay, {@code ""} clears optional texts. */
final class EventMerge {

	private EventMerge() {
	}

	static Event apply(Event e, EventChanges c, ZoneId zone, @Nullable BusinessSummary newBusiness, Instant now) {
		boolean movesBusiness = newBusiness != null;
		return new Event(e.id(), c.title() != null ? c.title().strip() : e.title(), text(c.description(), e.description()),
				text(c.fullDescription(), e.fullDescription()), c.type() != null ? c.type() : e.type(),
				c.format() != null ? Keys.parse(EventFormat.class, c.format()) : e.format(),
				c.price() != null ? Money.round(c.price()) : e.price(),
				c.startsAt() != null ? ProgramZone.toInstant(c.startsAt(), zone) : e.startsAt(),
				c.endsAt() != null ? ProgramZone.toInstant(c.endsAt(), zone) : e.endsAt(),
				movesBusiness ? newBusiness.id() : e.businessId(), text(c.locationAddress(), e.locationAddress()),
				c.maxParticipants() != null ? c.maxParticipants() : e.capacity(), e.seatsTaken(),
				c.minStatus() != null ? MemberStatus.fromKey(c.minStatus()) : e.minStatus(),
				text(c.coverImageUrl(), e.coverImageUrl()), c.program() != null ? c.program() : e.program(),
				c.speakers() != null ? c.speakers() : e.speakers(),
				c.whatToBring() != null ? c.whatToBring() : e.whatToBring(),
				c.gallery() != null ? c.gallery() : e.gallery(), movesBusiness ? "business" : e.organizerType(),
				c.organizerName() != null ? c.organizerName() : movesBusiness ? newBusiness.name() : e.organizerName(),
				c.allowPlusOne() != null ? c.allowPlusOne() : e.allowPlusOne(),
				c.paidCancellationCutoffHours() != null ? c.paidCancellationCutoffHours() : e.refundCutoffHours(),
				e.proposalId(), e.cancelledAt(), e.cancelReason(), e.createdBy(), e.createdAt(), now);
	}

	private static @Nullable String text(@Nullable String change, @Nullable String current) {
		if (change == null) {
			return current;
		}
		return change.isBlank() ? null : change;
	}
}
