package io.krug.platform.idempotency;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What happened when a request tried to claim its idempotency key. */
sealed interface Claim {

	/** The key is ours: run the request, then complete or release the key with this claim id. */
	record Acquired(UUID claimId) implements Claim {
	}

	/** The key completed earlier with the same request: replay its response. */
	record Replay(StoredResponse response) implements Claim {
	}

	/** Another request holds the key right now. */
	record InUse(Duration retryAfter) implements Claim {
	}

	/** The key was used for a different request. */
	record Reused() implements Claim {
	}

	/** A response kept for replay. */
	record StoredResponse(int status, Map<String, String> headers, byte[] body) {
	}
}
