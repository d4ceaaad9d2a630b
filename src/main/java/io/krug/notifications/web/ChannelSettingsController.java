package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.ProviderSettings;
import io.krug.notifications.internal.SmtpSettings;
import io.krug.notifications.internal.SmtpSettingsStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notifications administration")
class ChannelSettingsController {

	private final SmtpSettingsStore smtp;

	private final ProviderSettings providers;

	ChannelSettingsController(SmtpSettingsStore smtp, ProviderSettings providers) {
		this.smtp = smtp;
		this.providers = providers;
	}

	record SmtpRequest(@NotBlank @Size(max = 255) @Schema(example = "smtp.example.com") String host,
			@Min(1) @Max(65535) @Schema(example = "587") int port, @Nullable @Size(max = 255) String username,
			@Nullable @Size(max = 1024) String password,
			@NotBlank @Size(max = 320) @Schema(example = "Свой круг <club@example.com>") String fromAddress,
			boolean startTls) {
	}

	record ProviderRequest(
			@NotBlank @Pattern(regexp = "https?://.+") @Schema(example = "https://api.telegram.org") String baseUrl,
			@NotBlank @Size(max = 20_000) @Schema(description = "Telegram: the bot token; fcm: the service-account "
					+ "JSON key; bounce-webhook: the HMAC secret") String secret) {
	}

	@PutMapping("/api/v1/admin/notifications/smtp")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's own SMTP server", description = "Overrides spring.mail.*; the password is "
			+ "stored encrypted and never returned.")
	@ApiResponse(responseCode = "200", description = "Saved")
	Map<String, Object> smtp(@Valid @RequestBody SmtpRequest body) {
		smtp.save(KrugPrincipal.require().programId().value(), new SmtpSettings(body.host(), body.port(),
				body.username(), body.password(), body.fromAddress(), body.startTls()));
		return Map.of("host", body.host(), "port", body.port(), "from_address", body.fromAddress());
	}

	@PutMapping("/api/v1/admin/notifications/providers/{provider}")
	@PreAuthorize("hasAuthority('manage_program')")
	@Operation(summary = "The program's Telegram bot, FCM project or bounce-webhook secret", description = "provider"
			+ " is telegram (base_url https://api.telegram.org), fcm (https://fcm.googleapis.com) or bounce-webhook "
			+ "(base_url unused). The secret is stored encrypted and never returned.")
	@ApiResponse(responseCode = "200", description = "Saved")
	@ApiResponse(responseCode = "422", description = "validation_failed: unknown provider")
	Map<String, Object> provider(@PathVariable @Pattern(regexp = "telegram|fcm|bounce-webhook") String provider,
			@Valid @RequestBody ProviderRequest body) {
		providers.save(KrugPrincipal.require().programId().value(), provider,
				new ProviderSettings.Provider(body.baseUrl(), body.secret()));
		return Map.of("provider", provider, "base_url", body.baseUrl());
	}
}
