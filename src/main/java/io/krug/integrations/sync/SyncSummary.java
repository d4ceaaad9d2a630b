package io.krug.integrations.sync;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sync run or a webhook call did with the sales it read.
 *
 * @param from the window's start (the previous end less the overlap)
 * @param to the window's end
 * @param duplicate sales already recorded, unchanged
 * @param refunded sales cancelled or lowered, refunded
 * @param skipped sales not recorded: no phone, a phone hash of no member, or cancelled before Krug saw them
 * @param rejected sales the pipeline refused (e.g. an invalid phone); {@code rejections} names up to 20
 * @param error why the run failed; {@code null} when it succeeded
 */
@Schema(name = "IntegrationSyncRun")
record SyncSummary(Instant from, Instant to, int pages, int fetched, int imported, int duplicate, int refunded,
		int skipped, int rejected, List<String> rejections, @Nullable String error) {
}
