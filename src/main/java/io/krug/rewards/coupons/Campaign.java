package io.krug.rewards.coupons;

import io.krug.identity.MemberStatus;
import io.krug.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A coupon campaign of one business.
 *
 * @param value a percent (up to 100) of the check or a fixed amount; a gift's value is what the gift is worth
 * @param minPurchase the smallest check the coupon may be redeemed with; none when {@code null}
 * @param totalLimit how many of its coupons may be redeemed in all; unlimited when {@code null}
 * @param perMemberLimit how many times one member may redeem its coupons; unlimited when {@code null}
 * @param targetTier for {@link Target#TIER}: the lowest status the campaign is for
 * @param sourceBusinessId for a cross-promotion's campaign: the business that sends its customers
 * @param crossBonusRate for a cross-promotion's campaign: the member's bonus on the engaged purchase (seed 003 10%)
 */
public record Campaign(UUID id, UUID businessId, String title, @Nullable String description,
		@Nullable String conditions, Type type, ValueKind valueKind, BigDecimal value,
		@Nullable BigDecimal minPurchase, Instant validFrom, Instant validUntil, @Nullable Integer totalLimit,
		@Nullable Integer perMemberLimit, Target target, @Nullable MemberStatus targetTier,
		@Nullable UUID sourceBusinessId, @Nullable BigDecimal crossBonusRate, boolean active, int redeemedCount,
		String createdBy, Instant createdAt, Instant updatedAt) {

	/** What a coupon gives. */
	public enum Type {

		DISCOUNT, BONUS, GIFT;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** How {@link Campaign#value()} reads. */
	public enum ValueKind {

		PERCENT, FIXED;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Who the campaign is for. */
	public enum Target {

		EVERYONE, TIER, MEMBERS, NEW_CUSTOMERS;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * What the coupon is worth on a check: a percent of it (rounded once to 0.01), or the fixed value; a fixed
	 * discount never exceeds the check.
	 */
	BigDecimal worth(BigDecimal check) {
		if (valueKind == ValueKind.PERCENT) {
			return Money.round(check.multiply(value).movePointLeft(2));
		}
		return type == Type.DISCOUNT ? value.min(check) : value;
	}

	/** Whether the coupon may be used at {@code at}: active and inside its validity window. */
	void requireUsableAt(Instant at) {
		if (!active) {
			throw CouponError.CAMPAIGN_INACTIVE.exception("The campaign '" + title + "' was deactivated.");
		}
		if (at.isBefore(validFrom)) {
			throw CouponError.COUPON_NOT_YET_VALID.exception("The coupon is valid from " + validFrom + ".");
		}
		if (!at.isBefore(validUntil)) {
			throw CouponError.COUPON_EXPIRED.exception("The coupon expired at " + validUntil + ".");
		}
	}

	boolean isCrossPromotion() {
		return sourceBusinessId != null;
	}
}
