package io.krug.notifications.internal;

/** What a channel made of one send. */
sealed interface SendOutcome {

	/** Handed over to the provider (e-mail) or shown (in-app: {@code delivered}). */
	record Done(MessageStatus status) implements SendOutcome {
	}

	/** Failed in a way another attempt may fix (connection refused, 4xx SMTP reply, timeout). */
	record Transient(String reason) implements SendOutcome {
	}

	/** Rejected for good (unknown mailbox, 5xx SMTP reply): no retry. */
	record Permanent(String reason) implements SendOutcome {
	}

	/** Deliberately not sent (no address, channel not configured). */
	record Suppressed(String reason) implements SendOutcome {
	}
}
