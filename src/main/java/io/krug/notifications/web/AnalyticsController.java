package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.DeliveryAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications administration")
class AnalyticsController {

	private final DeliveryAnalytics analytics;

	AnalyticsController(DeliveryAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/api/v1/admin/notifications/analytics")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "Delivery analytics of messages created in [from, to)", description = "Counts and rates "
			+ "(percent): delivery = delivered / sent, open = opened / delivered, click-through = clicked / "
			+ "delivered, bounce = bounced / sent.")
	@ApiResponse(responseCode = "200", description = "The report")
	@ApiResponse(responseCode = "403", description = "forbidden: not an admin")
	DeliveryAnalytics.Report report(
			@RequestParam @Parameter(example = "2026-11-01T00:00:00Z") Instant from,
			@RequestParam @Parameter(example = "2026-12-01T00:00:00Z") Instant to,
			@RequestParam(required = false) @Parameter(example = "email") @Nullable String channel,
			@RequestParam(required = false) @Parameter(example = "loyalty") @Nullable String category) {
		return analytics.report(KrugPrincipal.require().programId().value(), from, to, channel, category);
	}
}
