package io.krug.events.internal;

/** The events budget's split (seed 003 "Распределение бюджета"): open, VIP and elite events, and the reserve. */
public enum BudgetLevel {

	OPEN, VIP, ELITE, RESERVE;

	public String key() {
		return Keys.of(this);
	}
}
