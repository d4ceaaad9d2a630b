package io.krug.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A posted (or, for a repeated idempotency key, previously posted) transaction of a member and the member's
 * balance now.
 *
 * @param replayed whether the idempotency key had been used already, so nothing new was posted
 */
public record Posting(UUID transactionId, Instant createdAt, boolean replayed, MemberBalance balance) {
}
