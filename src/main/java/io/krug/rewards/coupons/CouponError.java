package io.krug.rewards.coupons;

import io.krug.platform.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** The coupons' errors; {@link #code()} is public API. */
public enum CouponError implements ErrorCode {

	/** No such campaign in the program, or one of another business for business staff. */
	CAMPAIGN_NOT_FOUND(HttpStatus.NOT_FOUND, "Campaign not found"),
	/** No such business in the program, or another business than the caller's for business staff. */
	BUSINESS_NOT_FOUND(HttpStatus.NOT_FOUND, "Business not found"),
	/** No coupon or promo code with this code (or activation code) in the program. */
	COUPON_NOT_FOUND(HttpStatus.NOT_FOUND, "Coupon not found"),
	/** No purchase with this id at the business. */
	PURCHASE_NOT_FOUND(HttpStatus.NOT_FOUND, "Purchase not found"),
	CAMPAIGN_INACTIVE(HttpStatus.UNPROCESSABLE_CONTENT, "The campaign was deactivated"),
	COUPON_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT, "The coupon has expired"),
	COUPON_NOT_YET_VALID(HttpStatus.UNPROCESSABLE_CONTENT, "The coupon is not valid yet"),
	ACTIVATION_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT, "The activation code has expired"),
	CAMPAIGN_EXHAUSTED(HttpStatus.UNPROCESSABLE_CONTENT, "The campaign's coupons are used up"),
	WRONG_BUSINESS(HttpStatus.UNPROCESSABLE_CONTENT, "The coupon is for another business"),
	MEMBER_NOT_TARGETED(HttpStatus.UNPROCESSABLE_CONTENT, "The coupon is not for this customer"),
	MEMBER_LIMIT_REACHED(HttpStatus.UNPROCESSABLE_CONTENT, "The customer used this campaign's coupons up"),
	BELOW_MINIMUM_AMOUNT(HttpStatus.UNPROCESSABLE_CONTENT, "The check is below the coupon's minimum"),
	ALREADY_REDEEMED(HttpStatus.CONFLICT, "The coupon was already redeemed"),
	/** A cross-promotion's coupon brings a purchase: it is redeemed with the purchase, not against an old one. */
	PURCHASE_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "The coupon must be redeemed with a new purchase"),
	LIMIT_BELOW_REDEEMED(HttpStatus.UNPROCESSABLE_CONTENT, "The total limit is below the coupons already redeemed");

	private final HttpStatus status;

	private final String title;

	CouponError(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
