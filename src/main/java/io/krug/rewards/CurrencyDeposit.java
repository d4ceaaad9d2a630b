package io.krug.rewards;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Currency to put in a member's wallet.
 *
 * @param amount positive, at most 2 decimals
 * @param note why (shown in the member's wallet history)
 * @param actor who credits: an admin, a payment provider
 */
public record CurrencyDeposit(UUID memberId, BigDecimal amount, @Nullable String note, String actor,
		@Nullable String idempotencyKey) {
}
