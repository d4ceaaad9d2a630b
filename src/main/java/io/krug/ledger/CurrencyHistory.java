package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A page of a member's currency moves, newest first, and how many there are in all. */
public record CurrencyHistory(List<Item> items, long total) {

	/**
	 * One move.
	 *
	 * @param amount signed: what it did to the member's currency
	 */
	public record Item(UUID transactionId, BigDecimal amount, Reason reason, SourceType sourceType,
			@Nullable UUID sourceId, @Nullable String description, Instant createdAt) {
	}
}
