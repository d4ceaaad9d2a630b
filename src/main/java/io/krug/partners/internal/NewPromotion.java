package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A promotion a business runs.
 *
 * @param bonusMultiplier more than 0, at most 10, two decimals at most
 * @param validFrom when it starts; now when omitted
 * @param validUntil when it ends (exclusive); it runs until ended when omitted
 */
public record NewPromotion(@Schema(example = "Двойные бонусы на маникюр") @NotBlank @Size(max = 200) String title,
		@Nullable @Size(max = 2000) String description,
		@Schema(example = "2.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
		@Digits(integer = 2, fraction = 2) BigDecimal bonusMultiplier,
		@Schema(example = "2025-11-01T00:00:00+03:00") @Nullable Instant validFrom,
		@Schema(example = "2025-12-01T00:00:00+03:00") @Nullable Instant validUntil) {
}
