package io.krug.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A balanced transaction between party and club accounts (settlement, events budget, platform revenue), e.g. the
 * events-budget share of a purchase or the club's commission. Member wallets, liabilities and losses are moved only
 * by the ledger's own operations.
 *
 * @param reason a posting reason ({@link Reason.Use#POST})
 * @param legs at least two, non-zero, summing to exactly zero
 */
public record PostCommand(Reason reason, List<Leg> legs, Source source, @Nullable String description, String actor,
		@Nullable String idempotencyKey) {

	/** One leg: a signed amount on an account. */
	public record Leg(LedgerAccount account, BigDecimal amount) {
	}
}
