package io.krug.events.internal;

/** Where a registration stands: with a seat, waiting for one, or cancelled. */
public enum RegistrationStatus {

	CONFIRMED, WAITLIST, CANCELLED;

	public String key() {
		return Keys.of(this);
	}
}
