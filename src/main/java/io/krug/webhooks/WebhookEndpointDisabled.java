package io.krug.webhooks;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Delivery turned an endpoint off: it answered 410 Gone ({@code reason = "gone"}), or every attempt to reach it
 * failed for five days ({@code "failing"}). Its pending messages were given up; an admin (or the owning member)
 * may re-enable it and recover them. Published in the transaction that disabled it, for notifications.
 *
 * @param ownerMemberId the member who owns the endpoint; {@code null} for the program's own endpoints
 */
public record WebhookEndpointDisabled(ProgramId programId, UUID endpointId, @Nullable UUID ownerMemberId, String url,
		String reason, Instant at) {
}
