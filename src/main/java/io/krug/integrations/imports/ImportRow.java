package io.krug.integrations.imports;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row read and checked, ready to record.
 *
 * @param line the row's line in the file (1 is the header of a CSV file)
 * @param phone E.164
 * @param externalId the purchase's external id: {@code csv:<external_id>} when the row has one, otherwise
 *     {@code csv:row-<hash of date, phone, amount, description, category>}
 */
record ImportRow(long line, Instant occurredAt, String phone, BigDecimal amount, @Nullable String description,
		String externalId, @Nullable String category, String raw) {
}
