package io.krug.loyalty.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.krug.identity.MemberStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A program's loyalty rules (seed 003: "Логика начисления бонусов", "Уровни статусов", "Бюджетирование мероприятий",
 * "Бизнес-модель"). Every figure is a program setting; {@link #defaults()} are the seed's.
 *
 * @param cashback share of a purchase returned as bonuses, per status
 * @param newCategoryMultiplier applied when the purchase's category is new for the member, per status
 * @param returnWindowDays earned bonuses stay pending this long (the purchase can still be returned)
 * @param expiryMonths bonuses expire this many months after they were earned
 * @param maxSpendShare at most this share of a check can be paid with bonuses
 * @param eventsBudgetShare share of every purchase that goes to the club's events budget
 * @param commissionRate platform commission on engaged purchases
 * @param commissionFreeMonths a partner's first months without commission
 * @param unmatchedClaimDays a purchase by a phone that is not yet a member is credited if it registers within this
 * @param expiringSoonDays the balance lists lots expiring within this many days
 * @param tiers thresholds of the statuses over a rolling 12 months
 */
public record LoyaltyRules(@NotNull @Valid PerStatus cashback, @NotNull @Valid PerStatus newCategoryMultiplier,
		@Min(0) @Max(365) int returnWindowDays, @Min(1) @Max(120) int expiryMonths,
		@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal maxSpendShare,
		@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal eventsBudgetShare,
		@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal commissionRate, @Min(0) @Max(120) int commissionFreeMonths,
		@Min(0) @Max(365) int unmatchedClaimDays, @Min(1) @Max(365) int expiringSoonDays,
		@NotNull @Valid Tiers tiers) {

	/** A value per status. */
	public record PerStatus(@NotNull @DecimalMin("0") @Schema(example = "0.05") BigDecimal insider,
			@NotNull @DecimalMin("0") @Schema(example = "0.07") BigDecimal vip,
			@NotNull @DecimalMin("0") @Schema(example = "0.10") BigDecimal elite,
			@NotNull @DecimalMin("0") @Schema(example = "0.10") BigDecimal innerCircle) {

		@JsonIgnore
		public BigDecimal of(MemberStatus status) {
			return switch (status) {
				case INSIDER -> insider;
				case VIP -> vip;
				case ELITE -> elite;
				case INNER_CIRCLE -> innerCircle;
			};
		}
	}

	/** One status's thresholds over the rolling 12 months. */
	public record Threshold(@NotNull @DecimalMin("0") @Schema(example = "30000") BigDecimal minSpend,
			@Min(0) @Max(100) @Schema(example = "3") int minCategories) {
	}

	/**
	 * @param vip at least this spend and this many categories
	 * @param elite at least this spend and categories, or among the top {@code eliteTopPercent} of members by spend
	 * @param eliteTopPercent members (with at least one purchase) in this top share by 12-month spend are elite
	 * @param innerCircleMinSpend inner circle by invitation, or this spend and every category of the program
	 */
	public record Tiers(@NotNull @Valid Threshold vip, @NotNull @Valid Threshold elite,
			@NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "1") BigDecimal eliteTopPercent,
			@NotNull @DecimalMin("0") @Schema(example = "200000") BigDecimal innerCircleMinSpend) {
	}

	public static LoyaltyRules defaults() {
		return new LoyaltyRules(
				new PerStatus(new BigDecimal("0.05"), new BigDecimal("0.07"), new BigDecimal("0.10"),
						new BigDecimal("0.10")),
				new PerStatus(new BigDecimal("1.5"), new BigDecimal("2.0"), new BigDecimal("2.0"), new BigDecimal("2.0")),
				14, 12, new BigDecimal("0.30"), new BigDecimal("0.02"), new BigDecimal("0.02"), 6, 30, 30,
				new Tiers(new Threshold(new BigDecimal("30000"), 3), new Threshold(new BigDecimal("100000"), 5),
						new BigDecimal("1"), new BigDecimal("200000")));
	}
}
