package io.krug.rewards.coupons;

import io.krug.identity.KrugPrincipal;
import io.krug.loyalty.purchases.Customer;
import io.krug.platform.idempotency.Idempotent;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coupon redemption", description = """
		Redeeming a coupon at a business's till, by its code or the member's activation code of the day. With \
		purchase_id it applies to a purchase recorded before; otherwise the purchase is recorded with it, as POST \
		/api/v1/purchases would (business_id, exactly one of member_id, phone and card_token, amount: the check \
		before the coupon), in the same transaction: a discount lowers the recorded amount and is the partner's \
		cost, a bonus coupon credits the member points funded by the business, a gift is recorded as given. A \
		cross-promotion's coupon makes the purchase engaged, attributed to the sending business, and credits the \
		member the cross bonus. A single-use code is redeemed exactly once whatever the concurrency. Staff act for \
		their own business only.""")
class CouponRedeemController {

	static final String REDEEM = "hasAuthority('manual_transaction_entry') or hasAuthority('scan_qr_codes') "
			+ "or hasAuthority('SCOPE_purchases:write')";

	private final CouponRedemptions redemptions;

	CouponRedeemController(CouponRedemptions redemptions) {
		this.redemptions = redemptions;
	}

	@PostMapping("/api/v1/coupons/redeem")
	@Idempotent
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(REDEEM)
	@Operation(summary = "Redeem a coupon with a purchase", description = "Requires an Idempotency-Key.")
	@ApiResponse(responseCode = "201", description = "Redeemed")
	@ApiResponse(responseCode = "404", description = "coupon_not_found, purchase_not_found, business_not_found, "
			+ "member_not_found")
	@ApiResponse(responseCode = "409", description = "already_redeemed")
	@ApiResponse(responseCode = "422", description = "validation_failed (also: not exactly one of purchase_id and a "
			+ "purchase, not exactly one of member_id, phone and card_token), coupon_expired, coupon_not_yet_valid, "
			+ "activation_expired, campaign_inactive, campaign_exhausted, wrong_business, member_not_targeted, "
			+ "member_limit_reached, below_minimum_amount, purchase_required, and the purchase's own 422s")
	RedemptionView redeem(@Valid @RequestBody RedeemRequest request) {
		KrugPrincipal caller = KrugPrincipal.require();
		UUID scope = BusinessScope.of(caller);
		RedeemCommand.NewPurchase purchase = purchase(request);
		if (purchase != null && !BusinessScope.mayActFor(caller, purchase.businessId())) {
			throw CouponError.BUSINESS_NOT_FOUND.exception("No business " + purchase.businessId() + ".");
		}
		String channel = purchase != null && purchase.customer() instanceof Customer.ByCard ? "qr"
				: caller.isApiKey() ? "api" : "manual";
		return RedemptionView.of(redemptions.redeem(
				new RedeemCommand(request.code(), request.purchaseId(), purchase, channel, caller.actor()), scope));
	}

	private static RedeemCommand.@Nullable NewPurchase purchase(RedeemRequest r) {
		boolean inline = r.businessId() != null || r.amount() != null || r.memberId() != null || r.phone() != null
				|| r.cardToken() != null;
		if (inline == (r.purchaseId() != null)) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "purchase_id",
					"give either purchase_id or the purchase (business_id, the customer, amount)");
		}
		if (!inline) {
			return null;
		}
		if (r.businessId() == null || r.amount() == null) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED,
					r.businessId() == null ? "business_id" : "amount", "must not be null");
		}
		return new RedeemCommand.NewPurchase(r.businessId(), customer(r), r.amount(),
				CampaignViews.blankToNull(r.description()));
	}

	private static Customer customer(RedeemRequest r) {
		List<Customer> given = new ArrayList<>();
		if (r.memberId() != null) {
			given.add(new Customer.ByMember(r.memberId()));
		}
		if (CampaignViews.blankToNull(r.phone()) != null) {
			given.add(new Customer.ByPhone(r.phone().strip()));
		}
		if (CampaignViews.blankToNull(r.cardToken()) != null) {
			given.add(new Customer.ByCard(r.cardToken().strip()));
		}
		if (given.size() != 1) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "customer",
					"give exactly one of member_id, phone and card_token");
		}
		return given.getFirst();
	}

	@Schema(name = "CouponRedeemRequest")
	record RedeemRequest(@NotBlank @Size(max = 64) @Schema(example = "7KQ2M9XA",
			description = "The coupon's code or the member's activation code") String code,
			@Schema(description = "A purchase recorded before; or give the purchase") @Nullable UUID purchaseId,
			@Nullable UUID businessId, @Nullable UUID memberId,
			@Nullable @Size(max = 32) @Schema(example = "+79991234567") String phone,
			@Nullable @Size(max = 200) String cardToken,
			@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") @Digits(integer = 8,
					fraction = 2) @Schema(example = "3000.00",
							description = "The check before the coupon") BigDecimal amount,
			@Nullable @Size(max = 500) String description) {
	}

	@Schema(name = "CouponRedemption")
	record RedemptionView(UUID redemptionId, UUID couponId, String code, UUID campaignId,
			@Schema(allowableValues = { "discount", "bonus", "gift" }) String type, UUID purchaseId,
			@Nullable UUID memberId, UUID businessId,
			@Schema(example = "3000.00", description = "The check before the coupon") BigDecimal checkAmount,
			@Schema(example = "1000.00", description = "The discount: the partner's cost") BigDecimal discount,
			@Schema(example = "2000.00",
					description = "What the customer paid: the purchase's amount") BigDecimal paidAmount,
			@Schema(description = "Points a bonus coupon credited") BigDecimal bonus,
			@Schema(description = "The worth of the gift given") BigDecimal giftValue,
			@Schema(description = "The member's cross bonus of an engaged purchase") BigDecimal crossBonus,
			boolean engaged, @Nullable UUID sourceBusinessId, Instant redeemedAt) {

		static RedemptionView of(CouponRedemptions.Redeemed r) {
			CouponRedemptionStore.Redemption x = r.redemption();
			return new RedemptionView(x.id(), x.couponId(), r.code(), x.campaignId(), r.campaign().type().key(),
					x.purchaseId(), x.memberId(), x.businessId(), x.checkAmount(), x.discount(), x.paidAmount(),
					x.bonus(), x.giftValue(), x.crossBonus(), x.engaged(), x.sourceBusinessId(), x.redeemedAt());
		}
	}
}
