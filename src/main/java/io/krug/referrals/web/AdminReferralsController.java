package io.krug.referrals.web;

import io.krug.referrals.internal.AdminReferrals;
import io.krug.referrals.internal.Referral;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Referral campaigns")
class AdminReferralsController {

	private final AdminReferrals referrals;

	AdminReferralsController(AdminReferrals referrals) {
		this.referrals = referrals;
	}

	/** A referral as admins review it. */
	record ReferralView(UUID id, UUID referrerId, UUID referredId, String code, @Nullable UUID campaignId,
			String status, @Nullable String rejectReason, @Nullable Instant firstPurchaseAt, Instant createdAt) {

		static ReferralView of(Referral r) {
			return new ReferralView(r.id(), r.referrerId(), r.referredId(), r.code(), r.campaignId(), r.status(),
					r.rejectReason(), r.firstPurchaseAt(), r.createdAt());
		}
	}

	record ReferralList(long total, List<ReferralView> items) {
	}

	@GetMapping("/api/v1/admin/referrals")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "List referrals, newest first", description = """
			Attributed and rejected registrations with a code. reject_reason: self_referral (the new member's own \
			code: same phone or the referrer's device), duplicate_device (another friend of the referrer registered \
			from that device), cycle (the referrer was brought by the new member), monthly_limit (the referrer's \
			rewarded referrals this month reached the campaign's limit), code_max_uses (the code's uses in the \
			campaign).""")
	@ApiResponse(responseCode = "200", description = "A page of referrals")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ReferralList list(
			@RequestParam(required = false) @Nullable @Pattern(regexp = "attributed|rejected") String status,
			@RequestParam(name = "referrer_id", required = false) @Nullable UUID referrerId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		AdminReferrals.Page page = referrals.list(status, referrerId, limit, offset);
		return new ReferralList(page.total(), page.items().stream().map(ReferralView::of).toList());
	}
}
