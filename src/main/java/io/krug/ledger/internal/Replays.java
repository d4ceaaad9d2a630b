package io.krug.ledger.internal;

import io.krug.ledger.LedgerError;
import io.krug.ledger.Reason;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Answers a repeated idempotency key with the transaction it first posted. */
@Component
class Replays {

	private final PostingStore postings;

	Replays(PostingStore postings) {
		this.postings = postings;
	}

	/** The transaction posted with the key; a 422 when it was posted for another reason or member. */
	StoredTransaction existing(@Nullable String key, Reason reason, @Nullable UUID member) {
		return existing(key, reason, member, null);
	}

	/** As {@link #existing(String, Reason, UUID)}, and a 422 when it corrected another transaction. */
	StoredTransaction existing(@Nullable String key, Reason reason, @Nullable UUID member, @Nullable UUID reverses) {
		if (key == null) {
			throw new IllegalStateException("A transaction without a key was not posted; indicates a bug");
		}
		StoredTransaction stored = postings.findByKey(key)
			.orElseThrow(() -> new IllegalStateException("Key " + key + " conflicted but is not visible"));
		if (stored.reason() != reason || !Objects.equals(stored.memberId(), member)
				|| !Objects.equals(stored.reverses(), reverses)) {
			throw LedgerError.IDEMPOTENCY_KEY_MISMATCH.exception("Idempotency key '" + key
					+ "' was used for another operation (" + stored.reason() + ", transaction " + stored.id() + ").");
		}
		return stored;
	}
}
