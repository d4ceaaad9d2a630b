package io.krug.integrations.connector;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which sales to read: those that happened or changed in {@code [from, to)}, continuing after {@code cursor}.
 *
 * @param cursor the {@link FetchPage#nextCursor()} of the previous page of the same window; {@code null} at first
 * @param pageSize how many records the engine wants at most; a connector may return fewer (its system's page size)
 */
public record FetchRequest(Instant from, Instant to, @Nullable String cursor, int pageSize) {
}
