package io.krug.rewards.coupons;

import io.krug.identity.MemberStatus;
import io.krug.platform.Money;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a campaign offers and to whom: the fields its owner sets and may change. See {@link Campaign}. */
public record CampaignTerms(String title, @Nullable String description, @Nullable String conditions,
		Campaign.Type type, Campaign.ValueKind valueKind, BigDecimal value, @Nullable BigDecimal minPurchase,
		Instant validFrom, Instant validUntil, @Nullable Integer totalLimit, @Nullable Integer perMemberLimit,
		Campaign.Target target, @Nullable MemberStatus targetTier) {

	/** Checks what single fields cannot: a 422 {@code validation_failed} naming the field. */
	public CampaignTerms {
		if (!validUntil.isAfter(validFrom)) {
			throw invalid("valid_until", "must be after valid_from");
		}
		if (valueKind == Campaign.ValueKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw invalid("value", "a percent is at most 100");
		}
		if (type == Campaign.Type.GIFT && valueKind != Campaign.ValueKind.FIXED) {
			throw invalid("value_kind", "a gift's value is what it is worth: fixed");
		}
		if ((target == Campaign.Target.TIER) != (targetTier != null)) {
			throw invalid("target_tier", "give target_tier exactly when target is tier");
		}
		value = Money.round(value);
		minPurchase = minPurchase == null ? null : Money.round(minPurchase);
	}

	private static KrugException invalid(String field, String message) {
		return KrugException.field(PlatformError.VALIDATION_FAILED, field, message);
	}
}
