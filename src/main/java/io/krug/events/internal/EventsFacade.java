package io.krug.events.internal;

import io.krug.events.EventsApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link EventsApi} for other modules and the demo data; acts as the program ({@value #ACTOR}). */
@Service
class EventsFacade implements EventsApi {

	static final String ACTOR = "system:events-api";

	private final EventAdmin admin;

	private final Registrations registrations;

	private final RegistrationRepository rows;

	private final Proposals proposals;

	private final EventBriefs briefs;

	EventsFacade(EventAdmin admin, Registrations registrations, RegistrationRepository rows, Proposals proposals,
			EventBriefs briefs) {
		this.briefs = briefs;
		this.admin = admin;
		this.registrations = registrations;
		this.rows = rows;
		this.proposals = proposals;
	}

	@Override
	public UUID createEvent(NewEvent e) {
		EventDraft draft = EventDraft
			.of(e.title(), e.type(), e.format(), e.price(), e.startsAt(), e.endsAt(), e.businessId(), e.capacity(),
					e.minStatus().key())
			.withDescription(e.description(), null)
			.withPlusOne(e.allowPlusOne());
		return admin.create(Organizer.program(ACTOR), draft).id();
	}

	@Override
	public Registration register(UUID eventId, UUID memberId, boolean plusOne) {
		Registrations.Outcome outcome = registrations.register(eventId, memberId, plusOne, null, ACTOR);
		return new Registration(outcome.registration().id(), outcome.registration().status().key());
	}

	@Override
	public UUID propose(UUID memberId, NewProposal p) {
		ProposalDraft draft = new ProposalDraft(p.title(), p.description(), p.type(), p.preferredDate(), null,
				p.businessId(), p.budgetPerPerson(), p.maxParticipants(), List.of(), p.visibility(), p.votingEndsAt());
		return proposals.create(memberId, draft).proposal().id();
	}

	@Override
	public Score vote(UUID proposalId, UUID memberId, boolean yes) {
		io.krug.events.internal.Score score = proposals.vote(proposalId, memberId, yes).score();
		return new Score(score.totalVotes(), score.yesVotes(), score.noVotes(), score.weightedScore(),
				score.approvalRate());
	}

	@Override
	@Transactional(readOnly = true)
	public long eventsAttended(UUID memberId) {
		return rows.attended(memberId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<EventBrief> findEvent(UUID eventId) {
		return briefs.find(eventId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> proposalTitle(UUID proposalId) {
		return briefs.proposalTitle(proposalId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ConfirmedSeat> confirmedStartingBetween(Instant from, Instant to) {
		return briefs.confirmedStartingBetween(from, to);
	}
}
