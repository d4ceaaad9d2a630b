package io.krug.ledger;

import java.time.Instant;
import java.util.UUID;

/** A general posting's transaction; {@code replayed} when its idempotency key had been used already. */
public record PostedTransaction(UUID transactionId, Instant createdAt, boolean replayed) {
}
