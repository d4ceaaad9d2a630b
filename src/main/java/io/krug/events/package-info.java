/**
 * The club's events: events at partner businesses with registration, waitlist, bonus-paid tickets, check-in,
 * reviews and calendars; members' event proposals with status-weighted voting and vetoes; allocation of the events
 * budget to events.
 */
@ApplicationModule(displayName = "Events",
		allowedDependencies = { "platform", "identity", "partners", "ledger", "loyalty :: badges",
				"loyalty :: purchases", "webhooks" })
@NullMarked
package io.krug.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
