package io.krug.rewards.crosspromo;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.idempotency.Idempotent;
import io.krug.rewards.coupons.BusinessScope;
import io.krug.rewards.coupons.Campaign;
import io.krug.rewards.coupons.CampaignStats;
import io.krug.rewards.coupons.CampaignTerms;
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
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Cross-promotions", description = """
		Cross-promotions between partner businesses (seed 003: "купила в Лисичкино → получила промо на Миндаль"). \
		The owner of business B (to_business_id) proposes a coupon of B for the customers of business A \
		(from_business_id); A's owner or an admin accepts or declines. On acceptance every member who bought at A \
		gets the coupon, and members who buy at A later get it as they buy. Redeeming it at B records an engaged \
		purchase (the platform's commission applies) attributed to A and credits the member the cross bonus \
		(cross_bonus_rate of what was paid, 0.10 by default, funded by B). Staff see only cross-promotions their \
		business takes part in.""")
class CrossPromotionController {

	private static final String MANAGE = "hasAuthority('create_promotions')";

	private static final String READ = MANAGE + " or hasAuthority('view_cross_analytics')";

	private final CrossPromotions promotions;

	CrossPromotionController(CrossPromotions promotions) {
		this.promotions = promotions;
	}

	@PostMapping("/api/v1/admin/cross-promotions")
	@Idempotent(required = false)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(MANAGE)
	@Operation(summary = "Propose a cross-promotion", description = "By the owner of to_business_id, or an admin.")
	@ApiResponse(responseCode = "201", description = "Proposed")
	@ApiResponse(responseCode = "404", description = "business_not_found (also: to_business_id is not the owner's)")
	@ApiResponse(responseCode = "409", description = "cross_promotion_exists")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: the same business twice, and the "
			+ "campaign terms' checks)")
	CrossPromotionView propose(@Valid @RequestBody ProposalRequest request) {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!BusinessScope.mayActFor(caller, request.toBusinessId())) {
			throw CrossPromotionError.BUSINESS_NOT_FOUND.exception("No business " + request.toBusinessId() + ".");
		}
		BigDecimal rate = request.crossBonusRate() == null ? new BigDecimal("0.10") : request.crossBonusRate();
		CrossPromotion p = promotions.propose(request.fromBusinessId(), request.toBusinessId(), request.terms(), rate,
				caller.actor());
		return CrossPromotionView.of(p, promotions.campaign(p), null);
	}

	@PostMapping("/api/v1/admin/cross-promotions/{id}/accept")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Accept a cross-promotion", description = "By the owner of from_business_id, or an admin. "
			+ "Issues the coupon to every member who bought at from_business_id.")
	@ApiResponse(responseCode = "404", description = "cross_promotion_not_found")
	@ApiResponse(responseCode = "409", description = "cross_promotion_decided")
	@ApiResponse(responseCode = "200", description = "OK")
	CrossPromotionView accept(@PathVariable UUID id) {
		KrugPrincipal caller = KrugPrincipal.require();
		CrossPromotions.Decided d = promotions.accept(id, BusinessScope.of(caller), caller.actor());
		return CrossPromotionView.of(d.promotion(), promotions.campaign(d.promotion()), d.issued());
	}

	@PostMapping("/api/v1/admin/cross-promotions/{id}/decline")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Decline a cross-promotion", description = "By the owner of from_business_id, or an admin.")
	@ApiResponse(responseCode = "404", description = "cross_promotion_not_found")
	@ApiResponse(responseCode = "409", description = "cross_promotion_decided")
	@ApiResponse(responseCode = "200", description = "OK")
	CrossPromotionView decline(@PathVariable UUID id) {
		KrugPrincipal caller = KrugPrincipal.require();
		CrossPromotions.Decided d = promotions.decline(id, BusinessScope.of(caller), caller.actor());
		return CrossPromotionView.of(d.promotion(), promotions.campaign(d.promotion()), null);
	}

	@GetMapping("/api/v1/admin/cross-promotions")
	@PreAuthorize(READ)
	@Operation(summary = "List cross-promotions, newest first")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	@ApiResponse(responseCode = "200", description = "OK")
	CrossPromotionList list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		UUID scope = BusinessScope.of(KrugPrincipal.require());
		return new CrossPromotionList(promotions.list(scope, limit, offset)
			.stream()
			.map(p -> CrossPromotionView.of(p, promotions.campaign(p), null))
			.toList(), promotions.count(scope));
	}

	@GetMapping("/api/v1/admin/cross-promotions/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A cross-promotion")
	@ApiResponse(responseCode = "404", description = "cross_promotion_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	CrossPromotionView get(@PathVariable UUID id) {
		CrossPromotion p = promotions.get(id, BusinessScope.of(KrugPrincipal.require()));
		return CrossPromotionView.of(p, promotions.campaign(p), null);
	}

	@GetMapping("/api/v1/admin/cross-promotions/{id}/stats")
	@PreAuthorize(READ)
	@Operation(summary = "What a cross-promotion brought",
			description = "Coupons issued to A's customers, redeemed at B, and the engaged revenue (what those "
					+ "customers paid at B); purchases refunded in full are left out.")
	@ApiResponse(responseCode = "404", description = "cross_promotion_not_found")
	@ApiResponse(responseCode = "200", description = "OK")
	StatsView stats(@PathVariable UUID id) {
		CrossPromotions.Stats s = promotions.stats(id, BusinessScope.of(KrugPrincipal.require()));
		CampaignStats c = s.campaign();
		return new StatsView(id, s.promotion().fromBusinessId(), s.promotion().toBusinessId(), c.issued(),
				c.redeemed(), c.engagedRevenue(), c.crossBonuses(), c.discounts());
	}

	@Schema(name = "CrossPromotionRequest")
	record ProposalRequest(
			@NotNull @Schema(description = "A: the business whose customers get the coupon") UUID fromBusinessId,
			@NotNull @Schema(description = "B: the business the coupon is for (the proposer's)") UUID toBusinessId,
			@NotBlank @Size(max = 200) @Schema(example = "Скидка 10% на маникюр для гостей Лисичкино") String title,
			@Nullable @Size(max = 2000) String description, @Nullable @Size(max = 2000) String conditions,
			@NotNull @Pattern(regexp = "discount|bonus|gift") String type,
			@Nullable @Pattern(regexp = "percent|fixed") String valueKind,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") @Digits(integer = 8,
					fraction = 2) @Schema(example = "10") BigDecimal value,
			@Nullable @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal minPurchase,
			@NotNull Instant validFrom, @NotNull Instant validUntil, @Nullable @Min(1) Integer totalLimit,
			@Nullable @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Schema(example = "0.10",
					description = "The member's cross bonus, a share of what was paid; 0.10 when absent")
			BigDecimal crossBonusRate) {

		CampaignTerms terms() {
			return new CampaignTerms(title.strip(), description, conditions,
					Campaign.Type.valueOf(type.toUpperCase(Locale.ROOT)),
					valueKind == null ? Campaign.ValueKind.FIXED
							: Campaign.ValueKind.valueOf(valueKind.toUpperCase(Locale.ROOT)),
					value, minPurchase, validFrom, validUntil, totalLimit, 1, Campaign.Target.EVERYONE, null);
		}
	}

	@Schema(name = "CrossPromotion")
	record CrossPromotionView(UUID id, UUID fromBusinessId, UUID toBusinessId, UUID campaignId,
			@Schema(allowableValues = { "proposed", "accepted", "declined" }) String status, String title,
			String type, String valueKind, BigDecimal value, Instant validFrom, Instant validUntil,
			@Nullable BigDecimal crossBonusRate, Instant createdAt, @Nullable Instant decidedAt,
			@Schema(description = "Only in the answer to accepting: coupons issued to A's customers")
			@Nullable Integer issued) {

		static CrossPromotionView of(CrossPromotion p, Campaign c, @Nullable Integer issued) {
			return new CrossPromotionView(p.id(), p.fromBusinessId(), p.toBusinessId(), p.campaignId(), p.status(),
					c.title(), c.type().key(), c.valueKind().key(), c.value(), c.validFrom(), c.validUntil(),
					c.crossBonusRate(), p.createdAt(), p.decidedAt(), issued);
		}
	}

	@Schema(name = "CrossPromotionList")
	record CrossPromotionList(List<CrossPromotionView> items, long total) {
	}

	@Schema(name = "CrossPromotionStats")
	record StatsView(UUID crossPromotionId, UUID fromBusinessId, UUID toBusinessId,
			@Schema(description = "Coupons issued to the customers of from_business_id") long couponsIssued,
			@Schema(description = "Coupons redeemed at to_business_id") long couponsRedeemed,
			@Schema(description = "What those customers paid at to_business_id") BigDecimal engagedRevenue,
			@Schema(description = "Cross bonuses credited to them") BigDecimal crossBonuses,
			@Schema(description = "Discounts given by to_business_id") BigDecimal discounts) {
	}
}
