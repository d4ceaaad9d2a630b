package io.krug.loyalty.badges;

import io.krug.identity.KrugPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loyalty status")
class BadgesController {

	private final BadgeService badges;

	BadgesController(BadgeService badges) {
		this.badges = badges;
	}

	@GetMapping("/api/v1/loyalty/badges")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "The caller's badges", description = "badges: those earned, oldest first, each with its "
			+ "key, emoji, Russian name (seed 003) and awarded_at. available: those not yet earned with what it takes "
			+ "(a purchase in each category of the program; first_registration; friend_of_the_club: 3 friends "
			+ "invited; party_goer: 10 events attended; collector: every category; investor: 250,000 of net spend "
			+ "ever) and, for collector and investor, the progress so far. A badge is awarded once and kept.")
	@ApiResponse(responseCode = "200", description = "The badges")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member token")
	BadgeList list() {
		return badges.list(KrugPrincipal.require().id());
	}
}
