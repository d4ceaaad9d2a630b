package io.krug.integrations.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored integration: one business's connection to one system, and its sync state.
 *
 * @param sealedSecrets secret name to {@code SecretBox} ciphertext
 * @param syncFrom where the next sync window starts, before the overlap
 * @param lastRun the last sync run's counters as JSON
 */
record Integration(UUID id, UUID businessId, String system, Map<String, String> settings,
		Map<String, String> sealedSecrets, String webhookToken, boolean enabled, int intervalSeconds, String status,
		Instant syncFrom, Instant nextRunAt, int consecutiveFailures, @Nullable Instant lastSuccessAt,
		@Nullable String lastError, @Nullable Instant lastErrorAt, @Nullable String lastRun, Instant createdAt,
		Instant updatedAt) {

	static final String ACTIVE = "active";

	static final String FAILING = "failing";

	/** The purchases' actor and the prefix of their external ids. */
	String actor() {
		return "integration:" + id;
	}

	String externalId(String saleId) {
		return system + ":" + saleId;
	}
}
