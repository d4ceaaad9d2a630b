package io.krug.integrations.connector.yclients;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ExternalSale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a YCLIENTS record as a sale. */
final class RecordReader {

	/**
	 * The sale a record is; {@code null} while it is neither paid nor cancelled.
	 *
	 * @param deleted whether the record is known to be deleted (a {@code delete} webhook)
	 */
	@Nullable ExternalSale sale(JsonNode record, boolean deleted) {
		String id = text(record, "id");
		Instant at = instant(text(record, "datetime"));
		int attendance = record.path("attendance").asInt(0);
		boolean cancelled = deleted || record.path("deleted").asBoolean(false) || attendance == -1;
		boolean paid = attendance == 1 && record.path("paid_full").asInt(0) == 1;
		if (!cancelled && !paid) {
			return null;
		}
		String phone = record.path("client").path("phone").asString("");
		return new ExternalSale(id, at, phone.isBlank() ? null : phone, null, amount(record), null, null,
				cancelled ? ExternalSale.State.CANCELLED : ExternalSale.State.COMPLETED);
	}

	private static BigDecimal amount(JsonNode record) {
		JsonNode services = record.path("services");
		if (!services.isArray()) {
			throw malformed("a record without services");
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode service : services) {
			JsonNode cost = service.path("cost");
			if (!cost.isNumber()) {
				throw malformed("a service without a numeric cost");
			}
			sum = sum.add(cost.decimalValue());
		}
		return sum;
	}

	private static String text(JsonNode record, String field) {
		JsonNode value = record.path(field);
		if (value.isMissingNode() || value.isNull() || value.asString("").isBlank()) {
			throw malformed("a record without " + field);
		}
		return value.asString();
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw malformed("a record whose datetime is not ISO 8601");
		}
	}

	private static ConnectorException malformed(String what) {
		return new ConnectorException(ConnectorException.Kind.MALFORMED, "YCLIENTS answered " + what);
	}
}
