package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A program's events settings; {@link #defaults()} are seed 003's.
 *
 * @param voteWeights the weight of a vote by status ({@code get_vote_weight}); insiders do not vote (seed 003's
 * RBAC gives {@code vote_on_proposals} to vip and above), their weight applies only to a member who lost vip
 * between signing in and voting
 * @param budgetShares the events budget's split by level ("Распределение бюджета"); the four add up to 1
 */
public record EventsSettings(@NotNull @Valid VoteWeights voteWeights, @NotNull @Valid BudgetShares budgetShares) {

	/** Weights of votes by status, 0.1 to 99.9. */
	public record VoteWeights(@Schema(example = "1.0") @NotNull @DecimalMin("0.1") @DecimalMax("99.9") @Digits(integer = 2, fraction = 1) BigDecimal insider,
			@Schema(example = "2.0") @NotNull @DecimalMin("0.1") @DecimalMax("99.9") @Digits(integer = 2, fraction = 1) BigDecimal vip,
			@Schema(example = "3.0") @NotNull @DecimalMin("0.1") @DecimalMax("99.9") @Digits(integer = 2, fraction = 1) BigDecimal elite,
			@Schema(example = "5.0") @NotNull @DecimalMin("0.1") @DecimalMax("99.9") @Digits(integer = 2, fraction = 1) BigDecimal innerCircle) {

		public BigDecimal of(MemberStatus status) {
			return switch (status) {
				case INSIDER -> insider;
				case VIP -> vip;
				case ELITE -> elite;
				case INNER_CIRCLE -> innerCircle;
			};
		}
	}

	/** Shares of the monthly inflow per level, each 0 to 1 with at most 4 decimals, summing to 1. */
	public record BudgetShares(@Schema(example = "0.30") @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal open,
			@Schema(example = "0.40") @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal vip,
			@Schema(example = "0.20") @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal elite,
			@Schema(example = "0.10") @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal reserve) {

		public BigDecimal of(BudgetLevel level) {
			return switch (level) {
				case OPEN -> open;
				case VIP -> vip;
				case ELITE -> elite;
				case RESERVE -> reserve;
			};
		}

		BigDecimal sum() {
			return open.add(vip).add(elite).add(reserve);
		}
	}

	public static EventsSettings defaults() {
		return new EventsSettings(
				new VoteWeights(new BigDecimal("1.0"), new BigDecimal("2.0"), new BigDecimal("3.0"), new BigDecimal("5.0")),
				new BudgetShares(new BigDecimal("0.30"), new BigDecimal("0.40"), new BigDecimal("0.20"),
						new BigDecimal("0.10")));
	}
}
