package io.krug.integrations.connector;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A sale as the partner's system knows it.
 *
 * @param externalId the system's own stable id of the sale (record, lead, document, order, deal, visit)
 * @param occurredAt when the sale happened
 * @param phone the customer's phone as the system holds it (any format; the engine normalizes it), if known
 * @param phoneHash instead of a phone, for medical systems (seed "Врачебная тайна"): lower-case hex of
 *     HMAC-SHA256 over the E.164 phone with the integration's {@code phone_hash_key} secret; the engine matches
 *     members by hashing their phones the same way
 * @param amount what the customer paid, in the program's currency, 2 decimals at most
 * @param description free text for non-medical businesses only; {@code null} from medical systems
 * @param category a category key of the program, if the system tells one
 * @param state {@code COMPLETED}, or {@code CANCELLED} when the system cancelled or refunded it
 */
public record ExternalSale(String externalId, Instant occurredAt, @Nullable String phone, @Nullable String phoneHash,
		BigDecimal amount, @Nullable String description, @Nullable String category, State state) {

	public enum State {
		COMPLETED, CANCELLED
	}
}
