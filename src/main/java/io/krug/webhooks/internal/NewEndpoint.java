package io.krug.webhooks.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new endpoint.
 *
 * @param eventTypes catalogued names, {@code group.*} or {@code *}
 * @param active false to create it paused; true when omitted
 * @param headers custom headers sent with every request (see the API description for reserved names)
 * @param ordered deliver one member's messages strictly one after another; false when omitted
 * @param rateLimitPerSecond at most this many requests per second; unlimited when omitted
 */
public record NewEndpoint(
		@Schema(example = "https://crm.example.com/hooks/krug") @NotBlank @Size(max = 2048) String url,
		@Schema(example = "[\"purchase.*\", \"tier.changed\"]") @NotEmpty @Size(max = 50)
		List<@NotBlank @Size(max = 100) String> eventTypes,
		@Schema(example = "CRM sync") @Nullable @Size(max = 500) String description, @Nullable Boolean active,
		@Schema(example = "{\"Authorization\": \"Bearer crm-token\"}") @Nullable Map<String, String> headers,
		@Nullable Boolean ordered, @Schema(example = "50") @Nullable @Min(1) @Max(10000) Integer rateLimitPerSecond) {
}
