package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What moved on a party's accounts in a period [from, to), per account kind and reason, and the accounts' balances
 * at the end of the period: the basis of a partner's monthly statement.
 */
public record PartyActivity(PartyId party, Instant from, Instant to, List<Line> lines, List<AccountBalance> closing) {

	/** The sum of the legs of one kind and reason; {@code legs} counts them. */
	public record Line(AccountKind account, Reason reason, BigDecimal amount, long legs) {
	}

	/** An account's balance. */
	public record AccountBalance(AccountKind account, BigDecimal balance) {
	}
}
