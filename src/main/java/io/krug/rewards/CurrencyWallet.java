package io.krug.rewards;

import io.krug.ledger.CurrencyMove;

/**
 * Members' wallets in the program's internal currency. Crediting is how currency enters a wallet: an admin's
 * deposit today, a payment (a billing module) later. Each credit is one ledger transaction; a repeated idempotency
 * key credits nothing and answers the first credit.
 */
public interface CurrencyWallet {

	/** Credits the member's wallet; a 404 {@code member_not_found} for a member not in the program. */
	CurrencyMove deposit(CurrencyDeposit deposit);
}
