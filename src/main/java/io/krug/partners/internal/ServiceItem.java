package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a business's price list, in the program's currency.
 *
 * @param price zero or more, at most two decimals
 * @param durationMinutes how long the service takes, when that matters
 */
public record ServiceItem(@Schema(example = "Маникюр с покрытием") @NotBlank @Size(max = 200) String name,
		@Schema(example = "3000.00") @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal price,
		@Schema(example = "90") @Nullable @Positive @Max(1440) Integer durationMinutes) {
}
