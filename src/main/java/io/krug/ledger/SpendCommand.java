package io.krug.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Debit a member's available points, oldest expiry first.
 *
 * @param redeemer the party where the points pay part of a check; it is owed their value by the lots' funders
 * @param reason a spending reason ({@link Reason.Use#SPEND})
 */
public record SpendCommand(UUID memberId, BigDecimal amount, PartyId redeemer, Reason reason, Source source,
		@Nullable String description, String actor, @Nullable String idempotencyKey) {
}
