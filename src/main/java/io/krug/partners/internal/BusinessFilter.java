package io.krug.partners.internal;

import org.jspecify.annotations.Nullable;

/**
 * Which businesses an admin list shows.
 *
 * @param query a case-insensitive part of the name
 */
public record BusinessFilter(@Nullable String categoryKey, @Nullable Boolean active, @Nullable String query, int limit,
		int offset) {
}
