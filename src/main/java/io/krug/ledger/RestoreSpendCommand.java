package io.krug.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Give back (part of) the points a spend took, to the lots it took them from. All restores of one spend together
 * never exceed it.
 *
 * @param spendTransactionId the spend's transaction
 */
public record RestoreSpendCommand(UUID spendTransactionId, BigDecimal amount, Source source,
		@Nullable String description, String actor, @Nullable String idempotencyKey) {
}
