package io.krug.integrations.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Request and response bodies of the integrations API. */
final class IntegrationViews {

	private IntegrationViews() {
	}

	@Schema(name = "IntegrationCreateRequest", example = """
			{"system": "yclients", "settings": {"base_url": "https://api.yclients.com", "company_id": "123456"},
			 "secrets": {"partner_token": "pt_…", "user_token": "ut_…"}, "sync_interval_minutes": 15}""")
	record CreateRequest(@NotBlank String system, @Nullable Map<String, String> settings,
			@Nullable Map<String, String> secrets, @Nullable Boolean enabled,
			@Nullable @Min(1) @Max(1440) Integer syncIntervalMinutes,
			@Schema(description = "where the first sync starts; 1 day ago by default") @Nullable Instant syncFrom) {

		IntegrationService.Config config() {
			return new IntegrationService.Config(settings == null ? Map.of() : settings,
					secrets == null ? Map.of() : secrets, enabled == null || enabled,
					syncIntervalMinutes == null ? 15 : syncIntervalMinutes, syncFrom);
		}
	}

	@Schema(name = "IntegrationUpdateRequest",
			description = "Replaces the settings; secrets not named keep their stored values.")
	record UpdateRequest(@Nullable Map<String, String> settings, @Nullable Map<String, String> secrets,
			@Nullable Boolean enabled, @Nullable @Min(1) @Max(1440) Integer syncIntervalMinutes) {

		IntegrationService.Config config() {
			return new IntegrationService.Config(settings == null ? Map.of() : settings,
					secrets == null ? Map.of() : secrets, enabled == null || enabled,
					syncIntervalMinutes == null ? 15 : syncIntervalMinutes, null);
		}
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record IntegrationView(UUID id, UUID businessId, String system, Map<String, String> settings,
			@Schema(description = "names of the stored secrets, each \"set\"; values are never returned")
			Map<String, String> secrets, boolean enabled, int syncIntervalMinutes, String status,
			int consecutiveFailures, @Nullable Instant lastSuccessAt, @Nullable String lastError,
			@Nullable Instant lastErrorAt,
			@Schema(description = "seconds between now and the end of the last synced window") @Nullable Long lagSeconds,
			Instant nextRunAt, Instant syncedUntil, @Nullable SyncSummary lastRun,
			@Schema(description = "where the system pushes changes, with this integration's token; null when it "
					+ "does not push") @Nullable String webhookUrl,
			Instant createdAt, Instant updatedAt) {

		static IntegrationView of(Integration i, @Nullable String webhookUrl, Instant now, JsonMapper json) {
			Map<String, String> secrets = new TreeMap<>();
			i.sealedSecrets().keySet().forEach(name -> secrets.put(name, "set"));
			return new IntegrationView(i.id(), i.businessId(), i.system(), new TreeMap<>(i.settings()), secrets,
					i.enabled(), i.intervalSeconds() / 60, i.status(), i.consecutiveFailures(), i.lastSuccessAt(),
					i.lastError(), i.lastErrorAt(),
					i.lastSuccessAt() == null ? null : Duration.between(i.syncFrom(), now).toSeconds(), i.nextRunAt(),
					i.syncFrom(), i.lastRun() == null ? null : json.readValue(i.lastRun(), SyncSummary.class),
					webhookUrl, i.createdAt(), i.updatedAt());
		}
	}

	record IntegrationList(List<IntegrationView> items, long total) {
	}

	@Schema(name = "IntegrationTestResult")
	record TestResult(boolean ok, @Nullable String errorKind, @Nullable String error) {
	}

	record ConnectorView(String system, String displayName, List<String> settings, List<String> optionalSettings,
			List<String> secrets, boolean webhooks) {
	}
}
