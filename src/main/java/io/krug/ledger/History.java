package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A page of a member's history, newest first, and how many items there are in all. */
public record History(List<Item> items, long total) {

	/**
	 * One transaction as the member sees it.
	 *
	 * @param amount signed: what it did to the member's points
	 * @param partyId the business (or the club) where it happened: the funder of an earn, the redeemer of a spend
	 */
	/**
	 * @param lotState for a transaction that created a lot (an earn, a positive adjustment): the lot's state now,
	 * {@code PENDING} or {@code AVAILABLE} (an expired lot stays {@code AVAILABLE} with nothing remaining); otherwise
	 * {@code null}
	 */
	public record Item(UUID transactionId, HistoryType type, BigDecimal amount, Reason reason, SourceType sourceType,
			@Nullable UUID sourceId, @Nullable UUID partyId, @Nullable String description, Instant createdAt,
			@Nullable String lotState) {
	}
}
