package io.krug.rewards.tokens;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.platform.Ids;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.AccessTokenIssued;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues, lists and revokes members' access tokens. A token's secret exists only in the answer to the purchase that
 * issued it; the database keeps its SHA-256. Issuing publishes {@link AccessTokenIssued} per token.
 */
@Service
class AccessTokens {

	private final TokenStore store;

	private final TokenValidator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccessTokens(TokenStore store, TokenValidator validator, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	/** Issues a token in the caller's transaction (the purchase that pays for it). */
	Issued issue(UUID id, UUID member, String scope, int durationHours, @Nullable UUID bundlePurchaseId,
			UUID ledgerTransactionId) {
		String secret = TokenSecrets.next();
		// Microseconds, as PostgreSQL keeps them: a cached token and a loaded one expire at the same instant.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AccessToken token = new AccessToken(id, member, secret.substring(secret.length() - 4), scope, durationHours,
				bundlePurchaseId, now, now.plus(Duration.ofHours(durationHours)), null);
		store.insert(token, Hashing.sha256(secret), ledgerTransactionId);
		events.publishEvent(
				new AccessTokenIssued(TenantContext.require(), id, member, scope, token.expiresAt()));
		return new Issued(secret, token);
	}

	Issued issue(UUID member, String scope, int durationHours, UUID bundlePurchaseId, UUID ledgerTransactionId) {
		return issue(Ids.newId(), member, scope, durationHours, bundlePurchaseId, ledgerTransactionId);
	}

	@Transactional(readOnly = true)
	Page list(UUID member, int limit, int offset) {
		return new Page(store.ofMember(member, limit, offset), store.countOfMember(member));
	}

	/**
	 * Revokes a token: the member's own, or any with manage_members; evicts it from every replica's cache at commit.
	 * Revoking a revoked token changes nothing.
	 */
	@Transactional
	AccessToken revoke(UUID id, KrugPrincipal caller) {
		AccessToken token = store.find(id)
			.filter(t -> caller.has(Permission.MANAGE_MEMBERS) || caller.isMember() && t.memberId().equals(caller.id()))
			.orElseThrow(() -> TokenError.TOKEN_NOT_FOUND.exception("No access token " + id + " of yours."));
		String hash = store.revoke(id, caller.actor(), clock.instant()).orElseThrow();
		UUID program = TenantContext.require().value();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				validator.evict(TokenValidator.cacheKey(program, hash));
			}
		});
		return store.find(token.id()).orElseThrow();
	}

	/** A newly issued token and its secret, shown this once. */
	record Issued(String secret, AccessToken token) {
	}

	record Page(List<AccessToken> items, long total) {
	}
}
