package io.krug.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Move a member's currency: a positive amount with at most 2 decimals, what caused it, who did it.
 *
 * @param idempotencyKey a key already used posts nothing and answers the first move (another member or direction is
 * a 422 {@code idempotency_key_mismatch})
 */
public record CurrencyCommand(UUID memberId, BigDecimal amount, Source source, @Nullable String description,
		String actor, @Nullable String idempotencyKey) {
}
