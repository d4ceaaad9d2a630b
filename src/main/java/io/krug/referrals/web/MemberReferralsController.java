package io.krug.referrals.web;

import io.krug.identity.KrugPrincipal;
import io.krug.referrals.internal.ReferralLeaderboards;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.referrals.internal.MemberReferrals;
import io.krug.referrals.internal.ReferralLanding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Referrals", description = """
		Members bring friends (seed 001 "Referral System", seed 003 "Пригласить подругу"): every member has a code \
		(8 upper-case letters and digits) and a link; a friend who registers with the code (referral_code in POST \
		/api/v1/auth/register; an unknown code is a 422 referral_code_invalid) is attributed to them, unless an abuse \
		check rejects it. The campaign in force decides the rewards: bonuses to either side on registration or on the \
		friend's first purchase, a percentage of the friend's purchases to the referrer, quota units to both.""")
class MemberReferralsController {

	private final MemberReferrals referrals;

	private final ReferralLeaderboards leaderboards;

	private final ReferralLanding landing;

	private final Programs programs;

	MemberReferralsController(MemberReferrals referrals, ReferralLeaderboards leaderboards, ReferralLanding landing,
			Programs programs) {
		this.referrals = referrals;
		this.leaderboards = leaderboards;
		this.landing = landing;
		this.programs = programs;
	}

	@GetMapping("/api/v1/users/me/referrals")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "My referral code, link, friends and rewards",
			description = "Seed 001's shape: referral_code, link, total_referrals, bonus_earned (referral bonuses "
					+ "credited to me less what refunds took back), referrals (one page of the friends I brought, "
					+ "newest first: name as \"Анна К.\", joined_at), and quota_grants (units such as free letters).")
	@ApiResponse(responseCode = "200", description = "The member's referral page")
	@ApiResponse(responseCode = "403", description = "forbidden, members_only")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	MemberReferrals.ReferralPage mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return referrals.page(Members.current(), limit, offset);
	}

	@GetMapping("/api/v1/referrals/leaderboard")
	@PreAuthorize("hasAuthority('view_own_profile') or hasAuthority('manage_program')")
	@Operation(summary = "Top referrers",
			description = "By referrals attributed in the last 7 days (week), 30 days (month) or ever (all); ties go "
					+ "to who got there first. Names are shortened (\"Анна К.\"); me marks the caller. The board is "
					+ "computed at most every 15 minutes per program and period: computed_at says when.")
	@ApiResponse(responseCode = "200", description = "The leaderboard")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed (period is week, month or all)")
	ReferralLeaderboards.LeaderboardView leaderboard(
			@Parameter(description = "week, month or all") @RequestParam(defaultValue = "month")
			@Pattern(regexp = "week|month|all", message = "must be week, month or all") String period,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		KrugPrincipal caller = KrugPrincipal.require();
		var which = ReferralLeaderboards.Period.valueOf(period.toUpperCase(java.util.Locale.ROOT));
		return leaderboards.board(which, limit, caller.isMember() ? caller.id() : null);
	}

	@GetMapping("/api/v1/referrals/{code}")
	@Operation(summary = "A referral link's invitation (public)",
			description = "For the landing page of a referral link, without credentials: the referrer's short name "
					+ "and what the friend gets under the campaign in force (offer is absent without one). The "
					+ "program comes from the X-Krug-Program header (the default program when absent).")
	@ApiResponse(responseCode = "200", description = "The invitation")
	@ApiResponse(responseCode = "404", description = "referral_code_not_found, program_not_found")
	ReferralLanding.Invitation invitation(@PathVariable String code,
			@RequestHeader(name = "X-Krug-Program", required = false) @Nullable String program) {
		return TenantContext.call(programs.resolve(program).id(), () -> landing.invitation(code));
	}
}
