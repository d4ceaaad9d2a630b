package io.krug.events.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.partners.BusinessSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' proposals and votes. VIP and above propose and vote (seed 003's RBAC: {@code create_event_proposals},
 * {@code vote_on_proposals}); a vote weighs by the voter's status when cast ({@code get_vote_weight}, a program
 * setting) and may change until voting ends. A proposal is seen (and voted on) by members its visibility admits,
 * and by its author. Inner-circle members veto a proposal, which rejects it.
 */
@Service
public class Proposals {

	static final Duration MAX_VOTING = Duration.ofDays(92);

	private final ProposalRepository proposals;

	private final EventAdmin events;

	private final EventsSettingsService settings;

	private final IdentityApi identity;

	private final PartnersApi partners;

	private final ProgramZone zones;

	private final Clock clock;

	Proposals(ProposalRepository proposals, EventAdmin events, EventsSettingsService settings, IdentityApi identity,
			PartnersApi partners, ProgramZone zones, Clock clock) {
		this.proposals = proposals;
		this.events = events;
		this.settings = settings;
		this.identity = identity;
		this.partners = partners;
		this.zones = zones;
		this.clock = clock;
	}

	/**
	 * A proposal as a viewer sees it.
	 *
	 * @param myVote the viewer's vote ({@code yes}/{@code no}), if any, and its weight
	 */
	public record Listing(Proposal proposal, Score score, @Nullable String myVote, @Nullable BigDecimal myWeight,
			String proposer, ZoneId zone) {
	}

	/** A page of proposals. */
	public record Page(List<Listing> items, long total) {
	}

	@Transactional
	public Listing create(UUID memberId, ProposalDraft draft) {
		MemberSummary member = member(memberId);
		requireStatus(member.status(), MemberStatus.VIP, "propose events");
		Instant now = clock.instant();
		ZoneId zone = zones.zone();
		Instant ends = votingEnd(draft.votingEndsAt(), zone, now);
		if (draft.businessId() != null) {
			partners.findBusiness(draft.businessId())
				.filter(BusinessSummary::active)
				.orElseThrow(() -> KrugException.field(EventsError.BUSINESS_NOT_FOUND, "business_id",
						"no active business " + draft.businessId() + " in this program"));
		}
		Proposal proposal = new Proposal(Ids.newId(), memberId, draft.title().strip(), draft.description(), draft.type(),
				draft.preferredDate(), draft.locationPreference(), draft.businessId(),
				draft.budgetPerPerson() == null ? null : Money.round(draft.budgetPerPerson()), draft.maxParticipants(),
				draft.program() == null ? List.of() : List.copyOf(draft.program()),
				draft.visibility() == null ? Visibility.ALL : Keys.parse(Visibility.class, draft.visibility()),
				ProposalStatus.VOTING, ends, YearMonth.from(ProgramZone.toLocal(ends, zone)).atDay(1), now, null, null,
				null, null, null);
		proposals.insert(proposal);
		return listing(proposal, Score.NONE, null, zone);
	}

	/** Proposals a member sees ({@code viewer}), or all for staff ({@code null}), newest first. */
	@Transactional(readOnly = true)
	public Page list(@Nullable UUID viewer, @Nullable String status, int limit, int offset) {
		List<String> visible = visibleTo(viewer);
		UUID self = viewer == null ? new UUID(0, 0) : viewer;
		List<Proposal> page = proposals.list(status, visible, self, limit, offset);
		List<UUID> ids = page.stream().map(Proposal::id).toList();
		Map<UUID, Score> scores = proposals.scores(ids);
		Map<UUID, ProposalRepository.Vote> mine = viewer == null ? Map.of() : proposals.votesOf(viewer, ids);
		ZoneId zone = zones.zone();
		return new Page(page.stream()
			.map(p -> listing(p, scores.getOrDefault(p.id(), Score.NONE), mine.get(p.id()), zone))
			.toList(), proposals.count(status, visible, self));
	}

	@Transactional(readOnly = true)
	public Listing get(UUID id, @Nullable UUID viewer) {
		Proposal proposal = visible(proposals.find(id), id, viewer);
		return listing(proposal, proposals.scores(List.of(id)).getOrDefault(id, Score.NONE),
				viewer == null ? null : proposals.votesOf(viewer, List.of(id)).get(id), zones.zone());
	}

	/** Casts or changes the member's vote; returns the proposal with its new score and the vote's weight. */
	@Transactional
	public Listing vote(UUID proposalId, UUID memberId, boolean yes) {
		MemberSummary member = member(memberId);
		Proposal proposal = visible(proposals.lock(proposalId, true), proposalId, memberId);
		requireStatus(member.status(), MemberStatus.VIP, "vote on proposals");
		Instant now = clock.instant();
		if (!proposal.isOpen(now)) {
			throw EventsError.VOTING_CLOSED.exception("Voting on this proposal is closed.");
		}
		BigDecimal weight = settings.current().voteWeights().of(member.status());
		proposals.vote(proposalId, memberId, yes, weight, member.status().key(), now);
		return get(proposalId, memberId);
	}

	/** An inner-circle member's veto: the proposal is rejected, with the reason shown. */
	@Transactional
	public Listing veto(UUID proposalId, UUID memberId, String reason) {
		MemberSummary member = member(memberId);
		requireStatus(member.status(), MemberStatus.INNER_CIRCLE, "veto proposals");
		Proposal proposal = visible(proposals.lock(proposalId, false), proposalId, memberId);
		if (proposal.status() != ProposalStatus.VOTING && proposal.status() != ProposalStatus.APPROVED) {
			throw EventsError.VOTING_CLOSED.exception("This proposal is " + proposal.status().key() + " already.");
		}
		proposals.veto(proposalId, memberId, reason.strip(), clock.instant());
		return get(proposalId, memberId);
	}

	/** An organizer realizes an approved proposal as an event. */
	@Transactional
	public Event realize(Organizer organizer, UUID proposalId, EventDraft draft) {
		Proposal proposal = proposals.lock(proposalId, false)
			.orElseThrow(() -> EventsError.PROPOSAL_NOT_FOUND.exception("No proposal " + proposalId + "."));
		if (proposal.status() != ProposalStatus.APPROVED) {
			throw EventsError.PROPOSAL_NOT_APPROVED.exception("Only approved proposals become events; this one is "
					+ proposal.status().key() + ".");
		}
		Event event = events.create(organizer, draft, proposalId);
		proposals.realized(proposalId, event.id());
		return event;
	}

	private Instant votingEnd(@Nullable LocalDateTime requested, ZoneId zone, Instant now) {
		if (requested == null) {
			YearMonth month = YearMonth.from(ProgramZone.toLocal(now, zone));
			Instant end = month.atEndOfMonth().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
			return end.isAfter(now) ? end
					: month.plusMonths(1).atEndOfMonth().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
		}
		Instant end = ProgramZone.toInstant(requested, zone);
		if (!end.isAfter(now) || end.isAfter(now.plus(MAX_VOTING))) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "voting_ends_at", "must be in the next 92 days");
		}
		return end;
	}

	private Proposal visible(java.util.Optional<Proposal> found, UUID id, @Nullable UUID viewer) {
		Proposal proposal = found.orElseThrow(() -> EventsError.PROPOSAL_NOT_FOUND.exception("No proposal " + id + "."));
		if (viewer != null && !proposal.memberId().equals(viewer)
				&& !proposal.visibility().admits(member(viewer).status())) {
			throw EventsError.PROPOSAL_NOT_FOUND.exception("No proposal " + id + ".");
		}
		return proposal;
	}

	private List<String> visibleTo(@Nullable UUID viewer) {
		MemberStatus status = viewer == null ? MemberStatus.INNER_CIRCLE : member(viewer).status();
		return Arrays.stream(Visibility.values()).filter(v -> v.admits(status)).map(Visibility::key).toList();
	}

	private Listing listing(Proposal p, Score score, ProposalRepository.@Nullable Vote vote, ZoneId zone) {
		String proposer = identity.findMember(p.memberId()).map(Reviews::shortName).orElse("Участница клуба");
		return new Listing(p, score, vote == null ? null : vote.yes() ? "yes" : "no", vote == null ? null : vote.weight(),
				proposer, zone);
	}

	private MemberSummary member(UUID memberId) {
		return identity.findMember(memberId)
			.filter(MemberSummary::active)
			.orElseThrow(() -> EventsError.MEMBER_NOT_FOUND.exception("No active member " + memberId + "."));
	}

	private static void requireStatus(MemberStatus status, MemberStatus required, String what) {
		if (!Keys.atLeast(status, required)) {
			throw EventsError.STATUS_TOO_LOW
				.exception("Only " + required.key() + " members and above may " + what + "; the member's status is "
						+ status.key() + ".")
				.with("required_status", required.key())
				.with("status", status.key());
		}
	}
}
