package io.krug.events.web;

import io.krug.events.internal.ProgramItem;
import io.krug.events.internal.Proposal;
import io.krug.events.internal.Proposals;
import io.krug.events.internal.Score;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of proposals and votes (seed 003's "Конструктор мероприятий" endpoints). */
final class ProposalViews {

	private ProposalViews() {
	}

	record VoteRequest(@Schema(example = "yes", allowableValues = { "yes", "no" }) @NotNull
			@Pattern(regexp = "yes|no") String vote) {
	}

	record VetoRequest(@Schema(example = "Такое уже было в прошлом месяце") @NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * A proposal with its score ({@code calculate_proposal_score}): weighted_score is weighted yes minus weighted no,
	 * approval_rate weighted yes over all weight. my_vote and user_vote_weight are the caller's, if they voted.
	 * voting_ends_at is local to time_zone.
	 */
	record ProposalView(UUID proposalId, @Schema(example = "Йога на крыше") String title, @Nullable String description,
			@Schema(example = "wellness") String type, @Nullable LocalDate preferredDate,
			@Nullable String locationPreference, @Nullable UUID businessId, @Nullable BigDecimal budgetPerPerson,
			@Nullable Integer maxParticipants, List<ProgramItem> program,
			@Schema(example = "all", allowableValues = { "all", "vip", "elite" }) String visibility,
			@Schema(example = "voting", allowableValues = { "voting", "approved", "rejected", "realized" }) String status,
			@Schema(example = "2026-11-30T23:59:59") LocalDateTime votingEndsAt, String timeZone,
			@Schema(example = "Анна С.") String proposer, @Schema(example = "42") long totalVotes,
			@Schema(example = "30") long yesVotes, @Schema(example = "12") long noVotes,
			@Schema(example = "56.0") BigDecimal weightedScore, @Schema(example = "0.7857") BigDecimal approvalRate,
			@Schema(example = "yes") @Nullable String myVote, @Schema(example = "3.0") @Nullable BigDecimal userVoteWeight,
			@Schema(example = "top_three", allowableValues = { "top_three", "not_selected", "vetoed" }) @Nullable String decision,
			@Nullable String vetoReason, @Nullable UUID eventId, Instant createdAt) {

		static ProposalView of(Proposals.Listing l) {
			Proposal p = l.proposal();
			Score s = l.score();
			return new ProposalView(p.id(), p.title(), p.description(), p.type(), p.preferredDate(),
					p.locationPreference(), p.businessId(), p.budgetPerPerson(), p.maxParticipants(), p.program(),
					p.visibility().key(), p.status().key(), LocalDateTime.ofInstant(p.votingEndsAt(), l.zone()),
					l.zone().getId(), l.proposer(), s.totalVotes(), s.yesVotes(), s.noVotes(), s.weightedScore(),
					s.approvalRate(), l.myVote(), l.myWeight(), p.decision(), p.vetoReason(), p.eventId(), p.createdAt());
		}
	}

	record ProposalList(List<ProposalView> proposals, long total) {

		static ProposalList of(Proposals.Page page) {
			return new ProposalList(page.items().stream().map(ProposalView::of).toList(), page.total());
		}
	}

	/** Seed 003's vote response, with the counts and approval rate. */
	record VoteResult(UUID proposalId, @Schema(example = "yes") String vote, @Schema(example = "42") long totalVotes,
			@Schema(example = "30") long yesVotes, @Schema(example = "12") long noVotes,
			@Schema(example = "156.5") BigDecimal weightedScore, @Schema(example = "0.8125") BigDecimal approvalRate,
			@Schema(example = "3.0") BigDecimal userVoteWeight) {

		static VoteResult of(Proposals.Listing l) {
			Score s = l.score();
			return new VoteResult(l.proposal().id(), java.util.Objects.requireNonNull(l.myVote()), s.totalVotes(),
					s.yesVotes(), s.noVotes(), s.weightedScore(), s.approvalRate(),
					java.util.Objects.requireNonNull(l.myWeight()));
		}
	}
}
