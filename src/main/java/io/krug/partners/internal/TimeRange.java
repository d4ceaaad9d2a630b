package io.krug.partners.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * Opening hours of one stretch of a day, local time of the business. A {@code closes} earlier than {@code opens}
 * means the stretch runs past midnight; equal times mean around the clock. Times are {@code HH:mm}.
 */
public record TimeRange(
		@Schema(example = "10:00", type = "string") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime opens,
		@Schema(example = "21:00", type = "string") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime closes) {
}
