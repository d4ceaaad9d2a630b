package io.krug.rewards.coupons;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Programs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Member coupons", description = """
		A member's coupons (seed 003 "Получение активных купонов"): those issued to the member that are still \
		unused, of active campaigns that have not ended, ending first. Activating one gives a short code to show at \
		the business, valid until the end of the day in the program's time zone (seed 003 "Активация купона"); \
		the coupon's own code works at the till too.""")
class MemberCouponController {

	private final MemberCoupons coupons;

	private final PartnersApi partners;

	private final Programs programs;

	MemberCouponController(MemberCoupons coupons, PartnersApi partners, Programs programs) {
		this.coupons = coupons;
		this.partners = partners;
		this.programs = programs;
	}

	@GetMapping("/api/v1/loyalty/coupons")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "The member's coupons")
	@ApiResponse(responseCode = "403", description = "forbidden: not a member")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	@ApiResponse(responseCode = "200", description = "OK")
	CouponPage list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		KrugPrincipal member = KrugPrincipal.require();
		List<CouponStore.MemberCoupon> page = coupons.list(member.id(), limit, offset);
		Map<UUID, String> names = partners
			.businessNames(page.stream().map(CouponStore.MemberCoupon::businessId).toList());
		ZoneId zone = programs.get(member.programId()).timeZone();
		return new CouponPage(page.stream().map(c -> MemberCouponView.of(c, names.get(c.businessId()), zone)).toList(),
				coupons.count(member.id()));
	}

	@PostMapping("/api/v1/loyalty/coupons/{id}/activate")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "Activate a coupon: a code of the day to show at the business",
			description = "Activating again the same day returns the same code.")
	@ApiResponse(responseCode = "200", description = "The activation code")
	@ApiResponse(responseCode = "404", description = "coupon_not_found (also another member's coupon)")
	@ApiResponse(responseCode = "409", description = "already_redeemed")
	@ApiResponse(responseCode = "422", description = "coupon_expired, coupon_not_yet_valid, campaign_inactive")
	ActivationView activate(@PathVariable UUID id) {
		MemberCoupons.Activation a = coupons.activate(KrugPrincipal.require().id(), id);
		return new ActivationView(a.couponId(), a.code(),
				a.endsAt().minusSeconds(1).atZone(a.zone()).toOffsetDateTime());
	}

	@Schema(name = "MemberCouponPage")
	record CouponPage(List<MemberCouponView> coupons, long total) {
	}

	@Schema(name = "MemberCoupon")
	record MemberCouponView(UUID id, UUID businessId, @Schema(example = "Стим Центр") @Nullable String businessName,
			@Schema(example = "Скидка 1000 ₽") String title,
			@Schema(allowableValues = { "discount", "bonus", "gift" }) String type,
			@Schema(allowableValues = { "percent", "fixed" }) String valueKind,
			@Schema(example = "1000.00") BigDecimal value,
			@Schema(example = "Скидка на профессиональную чистку зубов") @Nullable String description,
			@Schema(example = "Только для новых клиентов клиники") @Nullable String conditions,
			@Nullable BigDecimal minPurchase, Instant validFrom, Instant validUntil,
			@Schema(example = "2025-12-01",
					description = "The last day it may be used, in the program's time zone") LocalDate expiresAt,
			@Schema(example = "available") String status,
			@Schema(example = "7KQ2M9XA", description = "The coupon's own code") String code) {

		static MemberCouponView of(CouponStore.MemberCoupon c, @Nullable String businessName, ZoneId zone) {
			return new MemberCouponView(c.coupon().id(), c.businessId(), businessName, c.title(), c.type(),
					c.valueKind(), c.value(), c.description(), c.conditions(), c.minPurchase(), c.validFrom(),
					c.validUntil(), c.validUntil().minusNanos(1000).atZone(zone).toLocalDate(), c.coupon().status(),
					c.coupon().code());
		}
	}

	@Schema(name = "CouponActivation")
	record ActivationView(UUID couponId, @Schema(example = "ABC723") String activationCode,
			@Schema(example = "2025-11-20T23:59:59+03:00",
					description = "The last second it is valid: the end of today in the program's time zone")
			OffsetDateTime validUntil) {
	}
}
