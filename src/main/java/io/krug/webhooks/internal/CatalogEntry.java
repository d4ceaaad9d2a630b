package io.krug.webhooks.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event type as the catalog endpoint shows it.
 *
 * @param schema the JSON Schema (2020-12) of the payload's {@code data}
 * @param example a whole example payload
 */
public record CatalogEntry(String name, String description, boolean aboutMember, Map<String, Object> schema,
		Map<String, @Nullable Object> example) {
}
