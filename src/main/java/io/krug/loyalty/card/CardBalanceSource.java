package io.krug.loyalty.card;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Where the card reads the member's spendable bonus balance. Implemented by whoever owns balances (the ledger side
 * of the loyalty module); while no bean implements it, the card leaves {@code balance} out rather than show a
 * made-up zero. Called inside the member's program ({@code TenantContext} is bound); implementations open their own
 * read-only transaction.
 */
public interface CardBalanceSource {

	/** The member's available (spendable now) balance, rounded to 0.01. */
	BigDecimal availableBalance(UUID memberId);
}
