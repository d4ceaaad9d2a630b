package io.krug.events.web;

import io.krug.events.internal.ProposalDraft;
import io.krug.events.internal.Proposals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events/proposals")
@Tag(name = "Events: proposals", description = """
		Members' event ideas put to the vote (seed 003 "Конструктор мероприятий"). VIP and above propose and vote; \
		a vote weighs by the voter's status when cast (insider 1, vip 2, elite 3, inner circle 5 by default, program \
		settings); inner-circle members veto. On the first of each month (program time zone) the previous month's \
		top three by weighted score (if positive) are approved, the others rejected.""")
class ProposalsController {

	private final Proposals proposals;

	ProposalsController(Proposals proposals) {
		this.proposals = proposals;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('create_event_proposals')")
	@Operation(summary = "Propose an event", description = "visibility: all, vip (VIP and above) or elite. "
			+ "voting_ends_at (local) defaults to the end of the current month.")
	@ApiResponse(responseCode = "201", description = "Put to the vote")
	@ApiResponse(responseCode = "403", description = "forbidden (below vip), members_only")
	@ApiResponse(responseCode = "422", description = "validation_failed, invalid_event, business_not_found")
	ResponseEntity<ProposalViews.ProposalView> create(@Valid @RequestBody ProposalDraft body) {
		Proposals.Listing created = proposals.create(Callers.member(), body);
		return ResponseEntity.created(URI.create("/api/v1/events/proposals/" + created.proposal().id()))
			.body(ProposalViews.ProposalView.of(created));
	}

	@GetMapping
	@PreAuthorize(EventsController.MEMBERS)
	@Operation(summary = "Proposals the caller may see, newest first, with their scores",
			description = "status: voting, approved, rejected or realized; all when omitted.")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ProposalViews.ProposalList list(
			@RequestParam(required = false) @Nullable @Pattern(regexp = "voting|approved|rejected|realized") String status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return ProposalViews.ProposalList.of(proposals.list(Callers.memberOrNull(), status, limit, offset));
	}

	@GetMapping("/{id}")
	@PreAuthorize(EventsController.MEMBERS)
	@Operation(summary = "A proposal with its score")
	@ApiResponse(responseCode = "404", description = "proposal_not_found (also when not visible to the caller)")
	ProposalViews.ProposalView get(@PathVariable UUID id) {
		return ProposalViews.ProposalView.of(proposals.get(id, Callers.memberOrNull()));
	}

	@PostMapping("/{id}/vote")
	@PreAuthorize("hasAuthority('vote_on_proposals')")
	@Operation(summary = "Vote yes or no", description = "One vote per member, changeable until voting ends; the "
			+ "weight is the caller's status's when voting.")
	@ApiResponse(responseCode = "200", description = "The proposal's new score and the caller's weight")
	@ApiResponse(responseCode = "403", description = "forbidden (below vip), status_too_low, members_only")
	@ApiResponse(responseCode = "404", description = "proposal_not_found")
	@ApiResponse(responseCode = "409", description = "voting_closed")
	ProposalViews.VoteResult vote(@PathVariable UUID id, @Valid @RequestBody ProposalViews.VoteRequest body) {
		return ProposalViews.VoteResult.of(proposals.vote(id, Callers.member(), "yes".equals(body.vote())));
	}

	@PostMapping("/{id}/veto")
	@PreAuthorize("hasAuthority('veto_proposals')")
	@Operation(summary = "Veto a proposal (inner circle): it is rejected, with the reason shown")
	@ApiResponse(responseCode = "200", description = "Rejected")
	@ApiResponse(responseCode = "403", description = "forbidden, status_too_low, members_only")
	@ApiResponse(responseCode = "404", description = "proposal_not_found")
	@ApiResponse(responseCode = "409", description = "voting_closed (rejected or realized already)")
	ProposalViews.ProposalView veto(@PathVariable UUID id, @Valid @RequestBody ProposalViews.VetoRequest body) {
		return ProposalViews.ProposalView.of(proposals.veto(id, Callers.member(), body.reason()));
	}
}
