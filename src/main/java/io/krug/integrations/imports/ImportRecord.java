package io.krug.integrations.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored import and its progress.
 *
 * @param format {@code csv} or {@code jsonl}
 * @param status {@code queued}, {@code running}, {@code completed} or {@code failed} (the file as a whole could not
 *     be read, e.g. a required column is missing: {@code error} says why)
 */
record ImportRecord(UUID id, UUID businessId, String fileSha256, @Nullable String fileName, String format,
		long sizeBytes, String status, long rowsRead, long imported, long duplicate, long rejected,
		@Nullable String error, String createdBy, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt) {

	/** The purchases' actor. */
	String actor() {
		return "import:" + id;
	}
}
