package io.krug.integrations.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one sync run (or webhook call) did: the window, pages read, and what became of each sale. At most
 * {@value #MAX_REJECTIONS} rejections are kept, by external id and reason.
 */
final class SyncRun {

	static final int MAX_REJECTIONS = 20;

	private final Instant from;

	private final Instant to;

	private int pages;

	private int fetched;

	private int imported;

	private int duplicate;

	private int refunded;

	private int skipped;

	private int rejected;

	private final List<String> rejections = new ArrayList<>();

	private @Nullable String error;

	SyncRun(Instant from, Instant to) {
		this.from = from;
		this.to = to;
	}

	void page() {
		pages++;
	}

	void count(String externalId, SaleRecorder.Result result) {
		fetched++;
		switch (result.outcome()) {
			case IMPORTED -> imported++;
			case DUPLICATE -> duplicate++;
			case REFUNDED -> refunded++;
			case SKIPPED -> skipped++;
			case REJECTED -> {
				rejected++;
				if (rejections.size() < MAX_REJECTIONS) {
					rejections.add(externalId + ": " + result.reason());
				}
			}
		}
	}

	void fail(String error) {
		this.error = error;
	}

	/** The run as stored in {@code last_run} and shown by the API. */
	SyncSummary view() {
		return new SyncSummary(from, to, pages, fetched, imported, duplicate, refunded, skipped, rejected,
				List.copyOf(rejections), error);
	}
}
