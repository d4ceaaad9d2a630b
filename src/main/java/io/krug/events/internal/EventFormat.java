package io.krug.events.internal;

/** How an event is attended (seed 003): free, paid (with bonuses), or closed (free, for elite and above). */
public enum EventFormat {

	FREE, PAID, CLOSED;

	public String key() {
		return Keys.of(this);
	}
}
