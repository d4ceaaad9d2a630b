package io.krug.webhooks.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.webhooks.WebhookEventType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an event record into its payload's {@code data} and describes that data as a JSON Schema, from the same
 * record components: snake_case names, ids, instants and dates as strings, enums as lower-case names, amounts and
 * counts as numbers. The program id is left out (an endpoint belongs to one program), as are omitted components.
 */
final class EventData {

	private EventData() {
	}

	static Map<String, @Nullable Object> data(WebhookEventType<?> type, Object event) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		for (RecordComponent component : components(type)) {
			data.put(snakeCase(component.getName()), value(read(component, event)));
		}
		return data;
	}

	static Map<String, Object> schema(WebhookEventType<?> type) {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (RecordComponent component : components(type)) {
			String name = snakeCase(component.getName());
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			properties.put(name, typeSchema(component.getType(), nullable));
			required.add(name);
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", required);
		return schema;
	}

	static String snakeCase(String camel) {
		return NAMES.computeIfAbsent(camel,
				name -> CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
	}

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	/** Component names in snake_case, computed once each (an import renders thousands of payloads a second). */
	private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

	private static final Map<WebhookEventType<?>, List<RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

	private static List<RecordComponent> components(WebhookEventType<?> type) {
		return COMPONENTS.computeIfAbsent(type, t -> Arrays.stream(t.eventClass().getRecordComponents())
			.filter(c -> c.getType() != ProgramId.class && !t.omitted().contains(c.getName()))
			.toList());
	}

	private static @Nullable Object read(RecordComponent component, Object event) {
		try {
			return component.getAccessor().invoke(event);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

	private static @Nullable Object value(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
			case String s -> s;
			case Boolean b -> b;
			case BigDecimal d -> d;
			case Number n -> n;
			case Iterable<?> items -> {
				List<@Nullable Object> list = new ArrayList<>();
				items.forEach(item -> list.add(value(item)));
				yield list;
			}
			default -> value.toString();
		};
	}

	private static Map<String, Object> typeSchema(Class<?> type, boolean nullable) {
		Map<String, Object> schema = new LinkedHashMap<>();
		String json;
		if (type == UUID.class || type == Instant.class || type == LocalDate.class || type == String.class
				|| type.isEnum() || type == ProgramId.class) {
			json = "string";
			if (type == UUID.class) {
				schema.put("format", "uuid");
			}
			else if (type == Instant.class) {
				schema.put("format", "date-time");
			}
			else if (type == LocalDate.class) {
				schema.put("format", "date");
			}
			else if (type.isEnum()) {
				schema.put("enum", Arrays.stream(type.getEnumConstants())
					.map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
					.toList());
			}
		}
		else if (type == boolean.class || type == Boolean.class) {
			json = "boolean";
		}
		else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			json = "integer";
		}
		else if (Number.class.isAssignableFrom(type)) {
			json = "number";
		}
		else if (Iterable.class.isAssignableFrom(type)) {
			json = "array";
		}
		else {
			json = "string";
		}
		schema.put("type", nullable ? List.of(json, "null") : json);
		if (nullable && schema.containsKey("enum")) {
			List<@Nullable Object> values = new ArrayList<>((List<?>) schema.get("enum"));
			values.add(null);
			schema.put("enum", values);
		}
		return schema;
	}
}
