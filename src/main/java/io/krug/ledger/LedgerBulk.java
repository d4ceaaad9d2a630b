package io.krug.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Set-based postings for bulk loads (CSV imports, ADR 0014): many earns in one statement instead of one statement
 * each. Each command posts exactly what {@link LedgerApi#earn} would (one transaction, its two legs, one lot) and
 * each member's balance row moves once by the sum of that member's earns; the legs of every transaction still sum to
 * zero.
 */
public interface LedgerBulk {

	/**
	 * Posts every earn in one statement, in the caller's transaction: {@link #prepare} then {@link #post}.
	 *
	 * @return the earns' transaction ids, in the commands' order
	 * @throws io.krug.platform.web.KrugException as {@link #prepare}
	 */
	List<UUID> earnAll(List<EarnCommand> commands);

	/**
	 * Checks the earns and gives each its transaction id, writing nothing. Unlike {@link LedgerApi#earn}, an
	 * idempotency key used before is not a replay but a failure when posted: a bulk caller claims its own idempotency
	 * (the purchases' external ids) before it earns.
	 *
	 * @throws io.krug.platform.web.KrugException 422 {@code invalid_amount} or {@code invalid_posting} as
	 *     {@link LedgerApi#earn}, for the first command that is invalid
	 */
	PreparedEarns prepare(List<EarnCommand> commands);

	/**
	 * Writes prepared earns in one statement, in the caller's transaction, locking the members' balance rows in
	 * member order (two concurrent bulk posts that share members wait for each other instead of deadlocking).
	 *
	 * @throws IllegalArgumentException when the earns were not prepared by this ledger
	 */
	void post(PreparedEarns earns);
}
