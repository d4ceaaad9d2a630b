package io.krug.loyalty.badges;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member's badges: those earned, in the order they were earned, and those still to earn, with what it takes. */
record BadgeList(List<EarnedBadge> badges, List<AvailableBadge> available) {

	record EarnedBadge(@Schema(example = "category:dentistry") String key, @Schema(example = "🦷") String emoji,
			@Schema(example = "Стоматология") String name, Instant awardedAt) {
	}

	/**
	 * @param progress how far the member is, where loyalty counts it itself (collector: categories, investor: spend);
	 * absent for badges other modules count (friends invited, events attended)
	 */
	record AvailableBadge(@Schema(example = "collector") String key, @Schema(example = "💎") String emoji,
			@Schema(example = "Коллекционер") String name,
			@Schema(example = "Собрать все категории клуба (9)") String requirement, @Nullable BadgeProgress progress) {
	}

	record BadgeProgress(@Schema(example = "4") BigDecimal current, @Schema(example = "9") BigDecimal target) {
	}
}
