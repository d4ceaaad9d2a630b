package io.krug.notifications.internal;

import java.util.Locale;

/**
 * A message's state. {@code SENDING} is held under a lease by one worker; {@code FAILED} is the dead-letter state
 * (retries exhausted, a permanent rejection, or a send whose outcome is unknown); {@code SUPPRESSED} was never sent
 * on purpose (no address, channel not configured, batched into a digest…); {@code HELD} waits for the member's daily
 * digest. {@code RETRY} appears only in the history.
 */
public enum MessageStatus {

	QUEUED, SENDING, SENT, DELIVERED, OPENED, CLICKED, BOUNCED, FAILED, SUPPRESSED, RETRY, HELD;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
