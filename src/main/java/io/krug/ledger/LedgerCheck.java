package io.krug.ledger;

import java.util.List;

/** The ledger's invariants, each checked against the current program's data. */
public record LedgerCheck(boolean ok, List<Check> checks) {

	/** One named invariant; {@code details} says what failed, or what was checked. */
	public record Check(String name, boolean ok, String details) {
	}
}
