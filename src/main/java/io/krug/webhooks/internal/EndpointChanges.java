package io.krug.webhooks.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of an endpoint; missing fields stay as they are. {@code active: true} re-enables an endpoint
 * delivery disabled (and starts its failure clock afresh); {@code description: ""} clears it;
 * {@code headers: {}} removes custom headers; {@code rate_limit_per_second: 0} removes the limit.
 */
public record EndpointChanges(@Nullable @Size(max = 2048) String url,
		@Nullable @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> eventTypes,
		@Nullable @Size(max = 500) String description, @Nullable Boolean active,
		@Nullable Map<String, String> headers, @Nullable Boolean ordered,
		@Schema(example = "50") @Nullable @Min(0) @Max(10000) Integer rateLimitPerSecond) {
}
