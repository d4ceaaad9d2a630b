/**
 * Outgoing webhooks: endpoints that receive the program's events signed by the Standard Webhooks scheme, delivered
 * from a transactional outbox with retries, a delivery log, recovery and replay. The event catalog is open: a module
 * adds an event type by declaring a {@link io.krug.webhooks.WebhookEventType} bean.
 */
@ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "platform", "identity", "ledger", "loyalty", "partners" })
@NullMarked
package io.krug.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
