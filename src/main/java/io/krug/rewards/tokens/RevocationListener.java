package io.krug.rewards.tokens;

import com.zaxxer.hikari.HikariDataSource;
import io.krug.platform.db.NoticeListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every replica's token cache honest: evicts each revoked token as its notice on {@value TokenStore#CHANNEL}
 * arrives, at the revoking transaction's commit, and drops the whole cache whenever notices may have been missed.
 */
@Component
class RevocationListener extends NoticeListener {

	private final TokenValidator validator;

	RevocationListener(HikariDataSource pool, TokenValidator validator) {
		super(pool, TokenStore.CHANNEL);
		this.validator = validator;
	}

	@Override
	protected void onNotice(String payload) {
		validator.evict(payload);
	}

	@Override
	protected void onGap() {
		validator.evictAll();
	}
}
