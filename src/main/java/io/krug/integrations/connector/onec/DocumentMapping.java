package io.krug.integrations.connector.onec;

import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.ConnectorException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which 1C document is a sale and which of its fields hold the date, the amount, the buyer's phone and its state.
 * The phone may be a path through a reference ({@code Контрагент/Телефон}), which the query expands.
 *
 * @param zone the infobase's time zone: 1C stores local date-times without an offset
 */
record DocumentMapping(String document, String dateField, String amountField, String phoneField,
		String postedField, String deletionField, ZoneId zone) {

	static final String DEFAULT_ZONE = "Europe/Moscow";

	static DocumentMapping from(ConnectionSettings settings) {
		return new DocumentMapping(settings.setting("document"), orDefault(settings, "date_field", "Date"),
				settings.setting("amount_field"), settings.setting("phone_field"),
				orDefault(settings, "posted_field", "Posted"), orDefault(settings, "deletion_field", "DeletionMark"),
				zone(orDefault(settings, "time_zone", DEFAULT_ZONE)));
	}

	/** The {@code $select} list: every field the connector reads, nothing else. */
	String select() {
		Set<String> fields = new LinkedHashSet<>(
				List.of("Ref_Key", dateField, amountField, phoneField, postedField, deletionField));
		return String.join(",", fields);
	}

	/** The {@code $expand} navigation property when the phone sits behind a reference, else {@code null}. */
	@Nullable String expand() {
		int slash = phoneField.lastIndexOf('/');
		return slash < 0 ? null : phoneField.substring(0, slash);
	}

	List<String> phonePath() {
		return List.of(phoneField.split("/"));
	}

	private static String orDefault(ConnectionSettings settings, String name, String fallback) {
		return Objects.requireNonNullElse(settings.optionalSetting(name), fallback);
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw new ConnectorException(ConnectorException.Kind.CONFIG, "The setting time_zone is not a time zone");
		}
	}
}
