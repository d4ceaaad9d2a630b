package io.krug.events.internal;

import io.krug.events.ProposalApproved;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly decision (seed 003: "Топ-3 идеи месяца реализуются организаторами"): of the proposals whose voting
 * ended in a month, the three with the highest weighted score are approved, provided their score is positive (an
 * idea more weight voted against than for is not realized); all others are rejected. Ties go to the higher approval
 * rate, then more votes, then the earlier proposal. Vetoed proposals were rejected already and take no place.
 */
@Service
public class ProposalDecisions {

	static final int TOP = 3;

	private static final Comparator<Ranked> RANKING = Comparator
		.comparing((Ranked r) -> r.score().weightedScore())
		.thenComparing(r -> r.score().approvalRate())
		.thenComparingLong(r -> r.score().totalVotes())
		.reversed()
		.thenComparing(r -> r.proposal().createdAt())
		.thenComparing(r -> r.proposal().id());

	private final ProposalRepository proposals;

	private final ProgramZone zones;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	ProposalDecisions(ProposalRepository proposals, ProgramZone zones, ApplicationEventPublisher publisher, Clock clock) {
		this.proposals = proposals;
		this.zones = zones;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** What a month's decision did. */
	public record Decision(YearMonth month, List<UUID> approved, List<UUID> rejected) {
	}

	private record Ranked(Proposal proposal, Score score) {
	}

	/** Decides every month before the current one (program time zone) that still has proposals in voting. */
	@Transactional
	public List<Decision> decideDue() {
		LocalDate thisMonth = YearMonth.from(ProgramZone.toLocal(clock.instant(), zones.zone())).atDay(1);
		return proposals.undecidedMonthsBefore(thisMonth).stream().map(m -> decide(YearMonth.from(m))).toList();
	}

	/**
	 * Decides one month whose voting is over; a month decided already has nothing left to decide.
	 *
	 * @throws IllegalArgumentException for the current or a future month
	 */
	@Transactional
	public Decision decide(YearMonth month) {
		Instant now = clock.instant();
		if (ProgramZone.monthStart(month.plusMonths(1), zones.zone()).isAfter(now)) {
			throw new IllegalArgumentException("Voting of " + month + " is not over yet; only past months are decided.");
		}
		List<Proposal> voting = proposals.lockVotingOf(month.atDay(1));
		Map<UUID, Score> scores = proposals.scores(voting.stream().map(Proposal::id).toList());
		List<Ranked> ranked = voting.stream()
			.map(p -> new Ranked(p, scores.getOrDefault(p.id(), Score.NONE)))
			.sorted(RANKING)
			.toList();
		List<UUID> approved = ranked.stream()
			.filter(r -> r.score().weightedScore().signum() > 0)
			.limit(TOP)
			.map(r -> r.proposal().id())
			.toList();
		for (Ranked r : ranked) {
			boolean top = approved.contains(r.proposal().id());
			proposals.decide(r.proposal().id(), top ? ProposalStatus.APPROVED : ProposalStatus.REJECTED,
					top ? "top_three" : "not_selected", now);
			if (top) {
				publisher.publishEvent(new ProposalApproved(TenantContext.require(), r.proposal().id(),
						r.proposal().memberId(), r.score().weightedScore(), now));
			}
		}
		List<UUID> rejected = ranked.stream().map(r -> r.proposal().id()).filter(id -> !approved.contains(id)).toList();
		return new Decision(month, approved, rejected);
	}
}
