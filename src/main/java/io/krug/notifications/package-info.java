/**
 * Tells members what happened to them (and staff what needs their hands): e-mail, SMS, push, Telegram and in-app
 * messages queued with the events that cause them or found by scheduled scans, rendered from templates, delivered at
 * most once by a leased worker with retries and a dead-letter state.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "platform", "identity", "ledger", "loyalty", "partners", "events", "rewards",
				"referrals", "integrations" })
@NullMarked
package io.krug.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
