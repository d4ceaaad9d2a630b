package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of reversing an earn: how much came back from the earn's own lot, how much from the member's other
 * available points, and how much could not be taken back and is the funder's loss.
 */
public record Reversal(UUID transactionId, Instant createdAt, boolean replayed, BigDecimal fromLot,
		BigDecimal fromBalance, BigDecimal loss, MemberBalance balance) {
}
