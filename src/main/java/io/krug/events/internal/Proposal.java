package io.krug.events.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's event idea put to the vote (seed 003's {@code event_proposals}).
 *
 * @param votingMonth the first day of the month (program time zone) in which voting ends
 * @param decision {@code top_three}, {@code not_selected} or {@code vetoed} once decided
 * @param eventId the event that realized it
 */
public record Proposal(UUID id, UUID memberId, String title, @Nullable String description, String type,
		@Nullable LocalDate preferredDate, @Nullable String locationPreference, @Nullable UUID businessId,
		@Nullable BigDecimal budgetPerPerson, @Nullable Integer maxParticipants, List<ProgramItem> program,
		Visibility visibility, ProposalStatus status, Instant votingEndsAt, LocalDate votingMonth, Instant createdAt,
		@Nullable Instant decidedAt, @Nullable String decision, @Nullable UUID vetoedBy, @Nullable String vetoReason,
		@Nullable UUID eventId) {

	public boolean isOpen(Instant now) {
		return status == ProposalStatus.VOTING && votingEndsAt.isAfter(now);
	}
}
