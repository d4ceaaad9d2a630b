package io.krug.integrations.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each known column is in a file's header. Header names are matched case-insensitively, ignoring spaces,
 * dashes and underscores, in English or Russian: {@code date} (дата, дата покупки, дата продажи, datetime,
 * occurred_at), {@code customer_phone} (phone, телефон, телефон клиента), {@code amount} (sum, total, сумма,
 * сумма покупки, итого), {@code description} (описание, услуга, товар, комментарий), {@code external_id} (id,
 * номер, номер чека, номер документа, чек), {@code category} (категория).
 */
final class Columns {

	static final String DATE = "date";

	static final String PHONE = "customer_phone";

	static final String AMOUNT = "amount";

	static final String DESCRIPTION = "description";

	static final String EXTERNAL_ID = "external_id";

	static final String CATEGORY = "category";

	private static final Map<String, String> ALIASES = aliases();

	private final Map<String, Integer> positions;

	private Columns(Map<String, Integer> positions) {
		this.positions = positions;
	}

	/** The header's known columns; unknown ones are ignored. */
	static Columns of(List<String> header) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String column = ALIASES.get(key(header.get(i)));
			if (column != null) {
				positions.putIfAbsent(column, i);
			}
		}
		return new Columns(positions);
	}

	/** The required columns the header lacks. */
	List<String> missing() {
		List<String> missing = new ArrayList<>();
		for (String required : List.of(DATE, PHONE, AMOUNT)) {
			if (!positions.containsKey(required)) {
				missing.add(required);
			}
		}
		return missing;
	}

	@Nullable Integer position(String column) {
		return positions.get(column);
	}

	static @Nullable String canonical(String name) {
		return ALIASES.get(key(name));
	}

	private static String key(String name) {
		return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
	}

	private static Map<String, String> aliases() {
		Map<String, List<String>> names = Map.of(DATE,
				List.of("date", "datetime", "occurred_at", "purchase_date", "дата", "дата покупки", "дата продажи",
						"дата и время"),
				PHONE, List.of("customer_phone", "phone", "phone_number", "телефон", "телефон клиента", "номер телефона"),
				AMOUNT, List.of("amount", "sum", "total", "сумма", "сумма покупки", "итого", "стоимость"),
				DESCRIPTION, List.of("description", "описание", "услуга", "товар", "комментарий"),
				EXTERNAL_ID, List.of("external_id", "id", "номер", "номер чека", "номер документа", "чек"),
				CATEGORY, List.of("category", "категория"));
		Map<String, String> aliases = new HashMap<>();
		names.forEach((column, list) -> list.forEach(name -> aliases.put(key(name), column)));
		return Map.copyOf(aliases);
	}
}
