package io.krug.webhooks.internal;

import io.krug.platform.db.DatabaseProperties;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code krug.webhooks.*}).
 *
 * @param allowPrivateTargets whether endpoints may be plain {@code http} and point at loopback, private, link-local
 * or other internal addresses; unset means true on the embedded database (local development) and false with an
 * external one (see {@link #privateTargetsAllowed})
 * @param delivery the delivery worker
 * @param retention how long finished messages and attempts are kept (the event log is kept for replays)
 * @param memberEndpointLimit how many endpoints one member may own
 */
@ConfigurationProperties("krug.webhooks")
public record WebhookProperties(@Nullable Boolean allowPrivateTargets, @DefaultValue Delivery delivery,
		@DefaultValue("30d") Duration retention, @DefaultValue("5") int memberEndpointLimit) {

	/** The effective {@code allow-private-targets}: as configured, else only on the embedded database. */
	public boolean privateTargetsAllowed(DatabaseProperties database) {
		return allowPrivateTargets != null ? allowPrivateTargets : database.embedded();
	}

	/**
	 * @param enabled whether this replica runs the delivery tasks (db-scheduler); off, messages are only queued
	 * @param workers how many delivery tasks the cluster runs at once (each on whichever replica picks it up)
	 * @param runFor how long one task execution keeps delivering before handing back to the scheduler
	 * @param batchSize messages claimed per query
	 * @param maxInFlight concurrent requests per task
	 * @param timeout the whole request, response body included
	 * @param lease how long a claimed message stays with its worker; a worker that died releases it when it runs out
	 */
	public record Delivery(@DefaultValue("true") boolean enabled, @DefaultValue("2") int workers,
			@DefaultValue("5m") Duration runFor, @DefaultValue("100") int batchSize,
			@DefaultValue("256") int maxInFlight, @DefaultValue("15s") Duration timeout,
			@DefaultValue("2m") Duration lease) {
	}
}
