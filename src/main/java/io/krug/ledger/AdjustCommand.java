package io.krug.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manual correction of a member's points by an admin.
 *
 * @param amount positive: a club-funded credit, available at once; negative: a debit like a spend, never below zero
 * @param note why, mandatory; shown as the history item's description
 */
public record AdjustCommand(UUID memberId, BigDecimal amount, String note, String actor,
		@Nullable String idempotencyKey) {
}
