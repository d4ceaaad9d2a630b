package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A currency move and the member's currency balance after it (now, when {@code replayed}).
 *
 * @param previousBalance the balance just before this move (for a replay: the balance now, as nothing moved)
 */
public record CurrencyMove(UUID transactionId, Instant createdAt, boolean replayed, BigDecimal balance,
		BigDecimal previousBalance) {
}
