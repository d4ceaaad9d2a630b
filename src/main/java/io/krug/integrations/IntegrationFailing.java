package io.krug.integrations;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * An integration failed to sync several times in a row and is now marked failing; the business's owner and the
 * program's admins are to be told.
 *
 * @param system the connector's key, e.g. {@code yclients}
 */
public record IntegrationFailing(ProgramId programId, UUID integrationId, UUID businessId, String system,
		int consecutiveFailures,
		String lastError, Instant at) {
}
