package io.krug.rewards.tokens;

import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.AccessTokenExpiring;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The expiring notice: 24 hours before a live token expires, once per token (marked in the same transaction). */
@Service
class TokenExpiry {

	static final Duration NOTICE = Duration.ofHours(24);

	private final TokenStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenExpiry(TokenStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** Marks and announces the current program's tokens now within 24 hours of expiry; returns how many. */
	@Transactional
	public int notifyDue() {
		Instant now = clock.instant();
		List<AccessToken> due = store.markExpiring(now, now.plus(NOTICE));
		for (AccessToken token : due) {
			events.publishEvent(new AccessTokenExpiring(TenantContext.require(), token.id(), token.memberId(),
					token.scope(), token.expiresAt()));
		}
		return due.size();
	}
}
