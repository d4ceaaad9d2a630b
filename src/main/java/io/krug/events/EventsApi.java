package io.krug.events;

import io.krug.identity.MemberStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules (and the demo-data generator) may do with events, on the current program's own behalf: the
 * caller has checked its authority. The same rules as the HTTP API apply (minimum status, capacity and waitlist,
 * payment with bonuses, who may vote); their violations throw the same problem codes.
 */
public interface EventsApi {

	/** Creates an event organized by the club, or by the business when {@code businessId} is given. */
	UUID createEvent(NewEvent event);

	/** Registers a member as the member would register themselves. */
	Registration register(UUID eventId, UUID memberId, boolean plusOne);

	/** Puts a member's idea to the vote; the member must be vip or above. */
	UUID propose(UUID memberId, NewProposal proposal);

	/** Casts (or changes) a member's vote with the weight of their status now. */
	Score vote(UUID proposalId, UUID memberId, boolean yes);

	/** How many events the member attended (was checked in at). */
	long eventsAttended(UUID memberId);

	/** The event's title, start and place, when it exists in the program. */
	Optional<EventBrief> findEvent(UUID eventId);

	/** The title of a member's proposal, when it exists in the program. */
	Optional<String> proposalTitle(UUID proposalId);

	/** Confirmed registrations for events (not cancelled) that start in [from, to), soonest first. */
	List<ConfirmedSeat> confirmedStartingBetween(Instant from, Instant to);

	/**
	 * What a member is told about an event.
	 *
	 * @param address where it takes place, when the organizer gave one
	 */
	record EventBrief(UUID id, String title, Instant startsAt, @Nullable String address, String organizerName) {
	}

	/**
	 * A member's confirmed seat at an upcoming event.
	 *
	 * @param confirmedAt when the seat became theirs: registration, or promotion from the waitlist
	 */
	record ConfirmedSeat(UUID registrationId, UUID memberId, EventBrief event, Instant confirmedAt) {
	}

	/**
	 * An event to create.
	 *
	 * @param format {@code free}, {@code paid} (then {@code price} is positive) or {@code closed}
	 * @param startsAt local date-time in the program's time zone
	 */
	record NewEvent(String title, @Nullable String description, String type, String format, BigDecimal price,
			LocalDateTime startsAt, LocalDateTime endsAt, @Nullable UUID businessId, int capacity,
			MemberStatus minStatus, boolean allowPlusOne) {
	}

	/**
	 * A proposal to put to the vote.
	 *
	 * @param visibility {@code all}, {@code vip} or {@code elite}
	 * @param votingEndsAt local date-time in the program's time zone; the end of the current month when absent
	 */
	record NewProposal(String title, @Nullable String description, String type, @Nullable LocalDate preferredDate,
			@Nullable UUID businessId, @Nullable BigDecimal budgetPerPerson, @Nullable Integer maxParticipants,
			String visibility, @Nullable LocalDateTime votingEndsAt) {
	}

	/**
	 * A registration's outcome.
	 *
	 * @param status {@code confirmed} or {@code waitlist}
	 */
	record Registration(UUID registrationId, String status) {
	}

	/** A proposal's score, as seed 003's {@code calculate_proposal_score}. */
	record Score(long totalVotes, long yesVotes, long noVotes, BigDecimal weightedScore, BigDecimal approvalRate) {
	}
}
