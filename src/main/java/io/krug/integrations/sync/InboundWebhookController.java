package io.krug.integrations.sync;

import io.krug.integrations.connector.InboundWebhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Integrations")
class InboundWebhookController {

	private final InboundWebhooks webhooks;

	InboundWebhookController(InboundWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/v1/integrations/{id}/webhook")
	@SecurityRequirements
	@Operation(summary = "Receive a partner system's push (YCLIENTS, amoCRM)",
			description = "Unauthenticated: the integration's webhook token (the token query parameter of its "
					+ "webhook_url, or the X-Krug-Webhook-Token header) proves the caller. YCLIENTS posts the record "
					+ "as JSON; amoCRM posts form-encoded lead events, whose leads are fetched again. Idempotent: a "
					+ "sale pushed twice, or pushed and synced, is one purchase.")
	@ApiResponse(responseCode = "200", description = "Processed: what became of each reported sale")
	@ApiResponse(responseCode = "400", description = "webhook_malformed")
	@ApiResponse(responseCode = "401", description = "webhook_rejected")
	@ApiResponse(responseCode = "404", description = "webhooks_unsupported")
	@ApiResponse(responseCode = "503", description = "source_unavailable: the named records could not be fetched; "
			+ "the system retries and the scheduled sync catches up")
	@Parameter(name = "token", in = ParameterIn.QUERY, description = "the integration's webhook token")
	SyncSummary receive(@PathVariable UUID id,
			@RequestHeader(name = "X-Krug-Webhook-Token", required = false) @Nullable String header,
			HttpServletRequest request) throws IOException {
		// read before anything asks for parameters: a form body (amoCRM) would be consumed as parameters
		byte[] body = request.getInputStream().readAllBytes();
		String token = header != null ? header : queryToken(request.getQueryString());
		return webhooks.receive(id, token, new InboundWebhook(request.getContentType(), body));
	}

	private static @Nullable String queryToken(@Nullable String query) {
		if (query == null) {
			return null;
		}
		return UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getOrDefault("token",
				java.util.List.of()).stream().findFirst().map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8))
			.orElse(null);
	}
}
