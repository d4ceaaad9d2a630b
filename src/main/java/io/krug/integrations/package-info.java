/**
 * Krug as an overlay on the partners' own systems: connectors that read purchases from their CRM and POS, CSV
 * imports, the scheduled sync and inbound webhooks, all recording purchases through the loyalty pipeline.
 */
@ApplicationModule(displayName = "Integrations",
		allowedDependencies = { "platform", "identity", "partners", "loyalty", "loyalty :: purchases", "webhooks" })
@NullMarked
package io.krug.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
