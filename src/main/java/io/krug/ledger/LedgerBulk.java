package io.krug.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Set-based postings for bulk loads (CSV imports, ADR 0014): many earns in one statement instead of one statement
 * each. Each command posts exactly what {@link LedgerApi#earn} would (one transaction, its two legs, one lot) and
 * each member's balance row moves once by the sum of that member's earns; the legs of every transaction still sum to
 * zero at commit.
 */
public interface LedgerBulk {

	/**
	 * Posts every earn in one statement, in the caller's transaction. Unlike {@link LedgerApi#earn}, an idempotency
	 * key used before is not a replay but a failure: a bulk caller claims its own idempotency (the purchases' external
	 * ids) before it earns.
	 *
	 * @return the earns' transaction ids, in the commands' order
	 * @throws io.krug.platform.web.KrugException 422 {@code invalid_amount} or {@code invalid_posting} as
	 *     {@link LedgerApi#earn}, for the first command that is invalid; nothing is written
	 */
	List<UUID> earnAll(List<EarnCommand> commands);
}
