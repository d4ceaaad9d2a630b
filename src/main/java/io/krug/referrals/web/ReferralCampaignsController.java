package io.krug.referrals.web;

import io.krug.referrals.internal.ReferralCampaign;
import io.krug.referrals.internal.ReferralCampaignAnalytics;
import io.krug.referrals.internal.ReferralCampaigns;
import io.krug.referrals.internal.ReferralProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/admin/referral-campaigns")
@PreAuthorize("hasAuthority('manage_program')")
@Tag(name = "Referral campaigns", description = """
		What referrals earn, and when. The campaign in force at a registration (the latest started one that has not \
		ended or been deleted) is the referral's for good: its bonuses on registration and on the friend's first \
		purchase, its percentage of the friend's purchases (seed 001: 10%) for purchase_percent_days after joining \
		(for ever when absent) and its quota units (seed 004: "+1 free letter") to both. Bonuses are ledger earns \
		funded by the club, pending for hold_days, credited exactly once. Changes apply to rewards not yet credited. \
		A registration without a campaign in force is attributed but earns nothing.""")
class ReferralCampaignsController {

	private final ReferralCampaigns campaigns;

	private final ReferralCampaignAnalytics analytics;

	private final ReferralProperties properties;

	ReferralCampaignsController(ReferralCampaigns campaigns, ReferralCampaignAnalytics analytics,
			ReferralProperties properties) {
		this.campaigns = campaigns;
		this.analytics = analytics;
		this.properties = properties;
	}

	record ReferralCampaignRequest(@NotBlank @Size(max = 200) @Schema(example = "Приведи подругу") String name,
			@NotNull @Schema(example = "2026-12-01T00:00:00Z") Instant startsAt,
			@Nullable @Schema(description = "Open-ended when absent") Instant endsAt,
			@Nullable @Positive @Schema(description = "Attributions one code may bring in the campaign; unlimited "
					+ "when absent") Integer maxUsesPerCode,
			@Nullable @Positive @Max(10_000) @Schema(description = "Rewarded referrals per referrer per calendar "
					+ "month; krug.referrals.default-monthly-limit (20) when absent", example = "20")
			Integer monthlyLimit,
			@Nullable @Min(0) @Max(365) @Schema(description = "Days bonuses stay pending; 0 when absent")
			Integer holdDays,
			@NotNull @Valid ReferralRewardsRequest rewards) {
	}

	record ReferralRewardsRequest(
			@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) @Schema(example = "100")
			BigDecimal referrerOnRegistration,
			@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) @Schema(example = "50")
			BigDecimal friendOnRegistration,
			@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal referrerOnFirstPurchase,
			@Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal friendOnFirstPurchase,
			@Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(example = "10")
			BigDecimal purchasePercent,
			@Nullable @Positive @Schema(description = "For ever when absent") Integer purchasePercentDays,
			@Nullable @Min(0) @Max(1000) @Schema(example = "1") Integer quotaUnits,
			@Nullable @Size(max = 50) @Pattern(regexp = "[a-z][a-z0-9_]*") @Schema(example = "letters")
			String quotaName) {
	}

	/** A page of campaigns. */
	record ReferralCampaignList(long total, java.util.List<ReferralCampaign> items) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a referral campaign")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "403", description = "forbidden")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: ends_at not after starts_at, "
			+ "quota_units without quota_name)")
	ReferralCampaign create(@Valid @RequestBody ReferralCampaignRequest request) {
		return campaigns.create(draft(request));
	}

	@GetMapping
	@Operation(summary = "List referral campaigns, latest start first")
	@ApiResponse(responseCode = "200", description = "A page of campaigns")
	@ApiResponse(responseCode = "403", description = "forbidden")
	ReferralCampaignList list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		ReferralCampaigns.Page page = campaigns.list(limit, offset);
		return new ReferralCampaignList(page.total(), page.items());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A referral campaign")
	@ApiResponse(responseCode = "200", description = "The campaign")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	ReferralCampaign get(@PathVariable UUID id) {
		return campaigns.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a referral campaign", description = "Applies to rewards not yet credited.")
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ReferralCampaign update(@PathVariable UUID id, @Valid @RequestBody ReferralCampaignRequest request) {
		return campaigns.update(id, draft(request));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a referral campaign",
			description = "New registrations no longer join it; its referrals keep earning its rewards and it stays "
					+ "in their analytics.")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	void delete(@PathVariable UUID id) {
		campaigns.delete(id);
	}

	@GetMapping("/{id}/analytics")
	@Operation(summary = "A campaign's figures", description = """
			codes_shared: referrers whose code brought at least one attributed registration in the campaign; \
			codes_issued: codes created while it ran; registrations (attributed) and rejected; first_purchases; \
			conversion = first_purchases / registrations; invites_per_user = registrations / codes_shared; \
			viral_coefficient K = invites_per_user × conversion; rewards_paid: bonuses credited less refunds' \
			reversals; quota_units_granted; revenue: the referred members' purchases since joining, less refunds.""")
	@ApiResponse(responseCode = "200", description = "The campaign's figures")
	@ApiResponse(responseCode = "404", description = "campaign_not_found")
	ReferralCampaignAnalytics.ReferralCampaignFigures analytics(@PathVariable UUID id) {
		return analytics.of(id);
	}

	private ReferralCampaign.Draft draft(ReferralCampaignRequest r) {
		ReferralRewardsRequest w = r.rewards();
		var rewards = new ReferralCampaign.RewardTerms(zero(w.referrerOnRegistration()), zero(w.friendOnRegistration()),
				zero(w.referrerOnFirstPurchase()), zero(w.friendOnFirstPurchase()), zero(w.purchasePercent()),
				w.purchasePercentDays(), w.quotaUnits() == null ? 0 : w.quotaUnits(), w.quotaName());
		return new ReferralCampaign.Draft(r.name().trim(), r.startsAt(), r.endsAt(), r.maxUsesPerCode(),
				r.monthlyLimit() == null ? properties.defaultMonthlyLimit() : r.monthlyLimit(),
				r.holdDays() == null ? 0 : r.holdDays(), rewards);
	}

	private static BigDecimal zero(@Nullable BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount;
	}
}
