package io.krug.ledger;

import java.math.BigDecimal;

/** What one party owes another, net of what the other owes it, for a period. */
public record Payable(PartyId payer, PartyId payee, BigDecimal amount) {
}
