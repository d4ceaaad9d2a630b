package io.krug.platform.idempotency;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

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

		/** What a replay of the captured response sends: its status, content type, location and body. */
		static StoredResponse of(ContentCachingResponseWrapper captured) {
			Map<String, String> headers = new LinkedHashMap<>();
			if (captured.getContentType() != null) {
				headers.put(HttpHeaders.CONTENT_TYPE, captured.getContentType());
			}
			if (captured.getHeader(HttpHeaders.LOCATION) != null) {
				headers.put(HttpHeaders.LOCATION, captured.getHeader(HttpHeaders.LOCATION));
			}
			return new StoredResponse(captured.getStatus(), headers, captured.getContentAsByteArray());
		}
	}
}
