package io.krug.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Take back (part of) an earn, for a refund. All reversals of one earn together never exceed it.
 *
 * @param earnTransactionId the earn's transaction
 */
public record ReverseEarnCommand(UUID earnTransactionId, BigDecimal amount, Source source,
		@Nullable String description, String actor, @Nullable String idempotencyKey) {
}
