package io.krug.loyalty.purchases;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The purchases of the current program: recording them and reading them back. */
@Service
class Purchases {

	private final PurchaseRecorder recorder;

	private final PurchaseStore store;

	Purchases(PurchaseRecorder recorder, PurchaseStore store) {
		this.recorder = recorder;
		this.store = store;
	}

	/**
	 * Records the purchase, or returns the one recorded before with the same external id. Of two requests racing
	 * with one external id, the second waits for the first to commit and answers with its purchase.
	 */
	Recorded record(RecordPurchase command) {
		return recorder.record(command);
	}

	/** The purchase; with {@code business}, only if it is that business's. */
	@Transactional(readOnly = true)
	public Optional<PurchaseRow> find(UUID id, @Nullable UUID business) {
		return store.find(id, business);
	}

	@Transactional(readOnly = true)
	public PurchaseStore.Page list(PurchaseStore.Filter filter) {
		return store.list(filter);
	}
}
