package io.krug.platform.idempotency;

import io.krug.platform.idempotency.Claim.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a {@link Idempotent#sharedTransaction()} request in one transaction of the current program with its key: the
 * claim, the handler's work (which joins it) and the stored response commit together, or roll back together when
 * the handler fails or answers 5xx (which frees the key, as a release would). A client error raised inside the
 * transaction (it is then rollback-only) is stored after the rollback, in a transaction of its own, so that a retry
 * replays it. A failing commit answers 500 instead of the captured response, which is sent only once committed.
 */
@Component
class SharedTransactionRun {

	private static final Logger log = LoggerFactory.getLogger(SharedTransactionRun.class);

	private final IdempotencyKeys keys;

	private final PlatformTransactionManager transactions;

	private final Clock clock;

	SharedTransactionRun(IdempotencyKeys keys, PlatformTransactionManager transactions, Clock clock) {
		this.keys = keys;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Claims the key and, when it is ours, runs the request; the caller's program must be bound in
	 * {@code TenantContext}.
	 *
	 * @return null when the request ran (its response is written), or the claim that refused it, to be answered
	 */
	@Nullable Claim run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, KeyScope scope,
			String hash) throws ServletException, IOException {
		TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
		try {
			Claim claim = keys.claimShared(scope, hash, clock.instant());
			if (!(claim instanceof Claim.Acquired acquired)) {
				transactions.rollback(tx);
				return claim;
			}
			ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, captured);
			StoredResponse outcome = StoredResponse.of(captured);
			if (outcome.status() >= 500) {
				transactions.rollback(tx);
			}
			else if (tx.isRollbackOnly()) {
				transactions.rollback(tx);
				storeAfterRollback(scope, hash, outcome);
			}
			else {
				if (!keys.completeShared(scope, acquired.claimId(), outcome, clock.instant())) {
					throw new IllegalStateException("A shared idempotency claim vanished in its own transaction");
				}
				transactions.commit(tx);
			}
			captured.copyBodyToResponse();
			return null;
		}
		finally {
			if (!tx.isCompleted()) {
				transactions.rollback(tx);
			}
		}
	}

	private void storeAfterRollback(KeyScope scope, String hash, StoredResponse outcome) {
		try {
			keys.storeOutcome(scope, hash, outcome, clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Could not store the client error of an idempotent request; a retry runs it again", ex);
		}
	}
}
