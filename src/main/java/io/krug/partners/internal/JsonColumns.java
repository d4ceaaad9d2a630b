package io.krug.partners.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the jsonb columns with the API's own JSON conventions (snake_case, no nulls). */
@Component
class JsonColumns {

	private static final TypeReference<List<ServiceItem>> SERVICES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JsonMapper json;

	JsonColumns(JsonMapper json) {
		this.json = json;
	}

	@Nullable String write(@Nullable Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	@Nullable OpeningHours hours(@Nullable String column) {
		return column == null ? null : json.readValue(column, OpeningHours.class);
	}

	List<ServiceItem> services(String column) {
		return json.readValue(column, SERVICES);
	}

	List<String> strings(String column) {
		return json.readValue(column, STRINGS);
	}
}
