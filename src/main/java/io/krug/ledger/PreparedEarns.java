package io.krug.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Earns checked and given their transaction ids by {@link LedgerBulk#prepare}, not yet written: the caller can record
 * what points at them first and post them last ({@link LedgerBulk#post}), so the members' balance rows are locked
 * only for the end of its transaction.
 */
public interface PreparedEarns {

	/** The earns' transaction ids, in the commands' order. */
	List<UUID> transactionIds();
}
