package io.krug.loyalty.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.krug.identity.MemberStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far a member is from the next status (seed 003 "Получение статуса и прогресса"), over the rolling 12 months
 * that started after {@code windowStart}.
 */
record StatusProgress(@Schema(example = "vip") String currentStatus,
		@JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "elite",
				description = "null at the top (inner_circle)") @Nullable String nextStatus,
		ProgressToNextStatus progress,
		@Schema(example = "[\"Кешбэк 7%\", \"Приоритетная запись\", \"VIP-зона на мероприятиях\"]") List<String> benefits,
		@Schema(description = "purchases after this moment count (12 calendar months back, program's time zone)")
		Instant windowStart) {

	/**
	 * @param totalSpent net spend over the window
	 * @param totalSpentRequired the next status's spend; null at the top
	 * @param categoriesVisited distinct categories with positive net spend over the window (towards inner_circle:
	 * those of the program's current categories)
	 * @param categoriesRequired the next status's categories (inner_circle: every category of the program); null at
	 * the top
	 * @param percentage see {@link #percentage}
	 */
	record ProgressToNextStatus(@Schema(example = "45000.00") BigDecimal totalSpent,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "100000") @Nullable BigDecimal totalSpentRequired,
			@Schema(example = "4") int categoriesVisited,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "5") @Nullable Integer categoriesRequired,
			@Schema(example = "62") int percentage) {
	}

	static final String PERCENTAGE_RULE = "percentage = floor(100 × (min(1, total_spent / total_spent_required) + "
			+ "min(1, categories_visited / categories_required)) / 2), computed exactly: the average of the two "
			+ "progress ratios, each capped at 1, rounded down; 100 when both thresholds of the next status are met "
			+ "and at the top. Towards inner_circle the thresholds are the inner circle's by purchases "
			+ "(inner_circle_min_spend and every category of the program).";

	/** The status after {@code current}; {@code null} at the top. */
	static @Nullable MemberStatus next(MemberStatus current) {
		return switch (current) {
			case INSIDER -> MemberStatus.VIP;
			case VIP -> MemberStatus.ELITE;
			case ELITE -> MemberStatus.INNER_CIRCLE;
			case INNER_CIRCLE -> null;
		};
	}

	/** {@link #PERCENTAGE_RULE}, in exact decimal arithmetic; a requirement of zero or less counts as met. */
	static int percentage(BigDecimal spent, BigDecimal spentRequired, int visited, int visitedRequired) {
		BigDecimal s = spentRequired.signum() <= 0 ? BigDecimal.ONE : spent.min(spentRequired);
		BigDecimal bigS = spentRequired.signum() <= 0 ? BigDecimal.ONE : spentRequired;
		BigDecimal c = BigDecimal.valueOf(visitedRequired <= 0 ? 1 : Math.min(visited, visitedRequired));
		BigDecimal bigC = BigDecimal.valueOf(Math.max(visitedRequired, 1));
		BigDecimal numerator = s.multiply(bigC).add(c.multiply(bigS)).multiply(BigDecimal.valueOf(50));
		return numerator.divide(bigS.multiply(bigC), 0, RoundingMode.FLOOR).intValueExact();
	}
}
