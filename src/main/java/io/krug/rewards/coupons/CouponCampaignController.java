package io.krug.rewards.coupons;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.rewards.coupons.CampaignViews.CampaignList;
import io.krug.rewards.coupons.CampaignViews.CampaignRequest;
import io.krug.rewards.coupons.CampaignViews.CampaignView;
import io.krug.rewards.coupons.CampaignViews.CodeList;
import io.krug.rewards.coupons.CampaignViews.CodesRequest;
import io.krug.rewards.coupons.CampaignViews.CodesView;
import io.krug.rewards.coupons.CampaignViews.IssueRequest;
import io.krug.rewards.coupons.CampaignViews.IssueView;
import io.krug.rewards.coupons.CampaignViews.StatsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Coupon campaigns", description = """
		Coupon campaigns of partner businesses (seed 003 "Купоны и промо"): discount (percent or fixed), bonus \
		(points credited, funded by the business) or gift coupons with a validity window, a minimum check, a total \
		and a per-member limit, for everyone, a status and up, a list of members or new customers of the business. \
		Bearer promo codes are generated in bulk (8 characters without look-alikes: no 0/O, 1/I/L); coupons are \
		issued to members, who see them in GET /api/v1/loyalty/coupons. A business owner (create_promotions) runs \
		their own business's campaigns; another business's campaign is 404. Platform admins run every business's.""")
class CouponCampaignController {

	static final String MANAGE = "hasAuthority('create_promotions')";

	static final String READ = MANAGE + " or hasAuthority('view_own_business_analytics')";

	private final CouponCampaigns campaigns;

	CouponCampaignController(CouponCampaigns campaigns) {
		this.campaigns = campaigns;
	}

	@PostMapping("/api/v1/admin/coupon-campaigns")
	@Idempotent(required = false)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGE)
	@Operation(summary = "Create a coupon campaign")
	@ApiResponse(responseCode = "201", description = "Created, active")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "404", description = "business_not_found (also another business than the owner's)")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: valid_until not after valid_from, "
			+ "a percent above 100, a gift that is not fixed, target_tier without target tier)")
	CampaignView create(@Valid @RequestBody CampaignRequest request) {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!BusinessScope.mayActFor(caller, request.businessId())) {
			throw CouponError.BUSINESS_NOT_FOUND.exception("No business " + request.businessId() + ".");
		}
		return CampaignView.of(campaigns.create(request.businessId(), request.terms(), request.members(), null, true,
				caller.actor()));
	}

	@GetMapping("/api/v1/admin/coupon-campaigns")
	@PreAuthorize(READ)
	@Operation(summary = "List coupon campaigns, newest first",
			description = "Business staff see their own business's only.")
	@ApiResponse(responseCode = "404", description = "business_not_found: business staff asking for another business")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	@ApiResponse(responseCode = "200", description = "OK")
	CampaignList list(@RequestParam(name = "business_id", required = false) @Nullable UUID businessId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		UUID scope = BusinessScope.of(KrugPrincipal.require());
		if (scope != null && businessId != null && !scope.equals(businessId)) {
			throw CouponError.BUSINESS_NOT_FOUND.exception("No business " + businessId + ".");
		}
		UUID business = scope != null ? scope : businessId;
		return new CampaignList(campaigns.list(business, limit, offset).stream().map(CampaignView::of).toList(),
				campaigns.count(business));
	}

	@GetMapping("/api/v1/admin/coupon-campaigns/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A coupon campaign")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	CampaignView get(@PathVariable UUID id) {
		return CampaignView.of(campaigns.get(id, scope()));
	}

	@PutMapping("/api/v1/admin/coupon-campaigns/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Change a campaign's terms",
			description = "Replaces the terms; member_ids are added to the list. The business cannot change.")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: another business_id), "
			+ "limit_below_redeemed")
	@ApiResponse(responseCode = "200", description = "OK")
	CampaignView update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
		UUID scope = scope();
		if (!campaigns.get(id, scope).businessId().equals(request.businessId())) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "business_id", "a campaign's business is fixed");
		}
		return CampaignView.of(campaigns.update(id, scope, request.terms(), request.members()));
	}

	@PostMapping("/api/v1/admin/coupon-campaigns/{id}/deactivate")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Deactivate a campaign", description = "Its coupons can no longer be redeemed or activated "
			+ "and leave members' lists. Repeating it changes nothing.")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	CampaignView deactivate(@PathVariable UUID id) {
		return CampaignView.of(campaigns.setActive(id, scope(), false));
	}

	@PostMapping("/api/v1/admin/coupon-campaigns/{id}/activate")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Activate a deactivated campaign again")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	CampaignView activate(@PathVariable UUID id) {
		return CampaignView.of(campaigns.setActive(id, scope(), true));
	}

	@PostMapping("/api/v1/admin/coupon-campaigns/{id}/codes")
	@Idempotent(required = false)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGE)
	@Operation(summary = "Generate bearer promo codes",
			description = "count codes (at most 100,000 per request), each single-use, unique in the program. "
					+ "Send an Idempotency-Key to make a retry generate nothing twice.")
	@ApiResponse(responseCode = "201", description = "Generated")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	CodesView generate(@PathVariable UUID id, @Valid @RequestBody CodesRequest request) {
		int generated = campaigns.generateCodes(id, scope(), request.count());
		return new CodesView(generated, campaigns.countCodes(id));
	}

	@GetMapping("/api/v1/admin/coupon-campaigns/{id}/codes")
	@PreAuthorize(MANAGE)
	@Operation(summary = "The campaign's bearer codes, oldest first", description = "To print or hand out.")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	CodeList codes(@PathVariable UUID id, @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		UUID scope = scope();
		return new CodeList(campaigns.codes(id, scope, limit, offset), campaigns.countCodes(id));
	}

	@PostMapping("/api/v1/admin/coupon-campaigns/{id}/issue")
	@Idempotent(required = false)
	@PreAuthorize(MANAGE)
	@Operation(summary = "Issue coupons to members",
			description = "One coupon each to the given members, or with no member_ids to everyone the campaign "
					+ "targets (everyone, the status and up, its list, or members who never bought at the business). "
					+ "A member who holds one of the campaign's coupons keeps it: repeating it issues nothing twice.")
	@ApiResponse(responseCode = "200", description = "Issued")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	IssueView issue(@PathVariable UUID id, @Valid @RequestBody IssueRequest request) {
		List<UUID> members = request.memberIds() == null ? List.of() : request.memberIds();
		return new IssueView(campaigns.issue(id, scope(), members));
	}

	@GetMapping("/api/v1/admin/coupon-campaigns/{id}/stats")
	@PreAuthorize(READ)
	@Operation(summary = "What the campaign gave and cost",
			description = "Coupons issued and redeemed, checks, what was paid, discounts (the partner's cost), "
					+ "bonuses, gifts and engaged revenue; redemptions of purchases refunded in full are left out.")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	StatsView stats(@PathVariable UUID id) {
		return StatsView.of(campaigns.stats(id, scope()));
	}

	private static @Nullable UUID scope() {
		return BusinessScope.of(KrugPrincipal.require());
	}
}
