package io.krug.identity.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.krug.platform.db.NoticeListener;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps every replica's API-key cache honest: evicts a revoked key as its notice on {@value ApiKeys#CHANNEL}
 * arrives, at the revoking transaction's commit, and drops every cached key whenever notices may have been missed.
 */
@Component
class ApiKeyRevocationListener extends NoticeListener {

	private final ApiKeys keys;

	ApiKeyRevocationListener(HikariDataSource pool, ApiKeys keys) {
		super(pool, ApiKeys.CHANNEL);
		this.keys = keys;
	}

	@Override
	protected void onNotice(String payload) {
		keys.evict(UUID.fromString(payload));
	}

	@Override
	protected void onGap() {
		keys.evictAll();
	}
}
