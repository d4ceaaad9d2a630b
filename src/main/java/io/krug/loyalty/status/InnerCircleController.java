package io.krug.loyalty.status;

import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/members/{id}/inner-circle")
@Tag(name = "Loyalty status")
class InnerCircleController {

	private final MemberStatusService statuses;

	InnerCircleController(MemberStatusService statuses) {
		this.statuses = statuses;
	}

	record InnerCircleView(UUID memberId, @Schema(example = "inner_circle") String status, boolean invited,
			@Schema(example = "staff:0193…") @Nullable String invitedBy, @Nullable Instant invitedAt) {

		static InnerCircleView of(MemberStatusService.InnerCircle c) {
			return new InnerCircleView(c.memberId(), c.status().key(), c.invited(), c.invitedBy(), c.invitedAt());
		}
	}

	@PostMapping
	@PreAuthorize("hasAuthority('create_promotions')")
	@Operation(summary = "Invite a member to the inner circle", description = "Business owners and admins. The "
			+ "member becomes inner_circle at once and stays so whatever their spend until an admin revokes the "
			+ "invitation. Inviting an invited member changes nothing.")
	@ApiResponse(responseCode = "200", description = "The member's status and invitation")
	@ApiResponse(responseCode = "403", description = "forbidden: not a business owner or admin")
	@ApiResponse(responseCode = "404", description = "member_not_found")
	InnerCircleView invite(@PathVariable UUID id) {
		return InnerCircleView.of(statuses.invite(id, KrugPrincipal.require().actor()));
	}

	@DeleteMapping
	@PreAuthorize("hasAuthority('manage_members')")
	@Operation(summary = "Revoke a member's inner-circle invitation", description = "Admins. The status is "
			+ "recomputed from purchases at once: it stays inner_circle only if spend and categories earn it.")
	@ApiResponse(responseCode = "200", description = "The member's status after the revocation")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	@ApiResponse(responseCode = "404", description = "member_not_found")
	InnerCircleView revoke(@PathVariable UUID id) {
		return InnerCircleView.of(statuses.revoke(id, KrugPrincipal.require().actor()));
	}
}
