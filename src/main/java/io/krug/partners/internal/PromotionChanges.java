package io.krug.partners.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A partial update of a promotion; missing fields are left as they are. {@code active = false} pauses it. */
public record PromotionChanges(
		@Nullable @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
		@Nullable @Size(max = 2000) String description,
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
		@Digits(integer = 2, fraction = 2) BigDecimal bonusMultiplier,
		@Nullable Instant validFrom, @Nullable Instant validUntil, @Nullable Boolean active) {
}
