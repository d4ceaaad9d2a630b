package io.krug.ledger.internal;

import io.krug.ledger.AdjustCommand;
import io.krug.ledger.Balance;
import io.krug.ledger.CurrencyCommand;
import io.krug.ledger.CurrencyHistory;
import io.krug.ledger.CurrencyMove;
import io.krug.ledger.EarnCommand;
import io.krug.ledger.ExpiringLots;
import io.krug.ledger.History;
import io.krug.ledger.HistoryType;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.LedgerCheck;
import io.krug.ledger.LedgerError;
import io.krug.ledger.LotRun;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.Payable;
import io.krug.ledger.PostCommand;
import io.krug.ledger.PostedTransaction;
import io.krug.ledger.Posting;
import io.krug.ledger.RestoreSpendCommand;
import io.krug.ledger.Reversal;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.SpendCommand;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger's facade: one database transaction per call (joining the caller's when there is one). */
@Service
class LedgerService implements LedgerApi {

	static final int MAX_PAGE = 500;

	private final Earning earning;

	private final Spending spending;

	private final Reversals reversals;

	private final Postings postings;

	private final LotJobs jobs;

	private final LedgerQueries queries;

	private final LedgerChecks checks;

	private final LedgerProperties properties;

	private final CurrencyMoves currency;

	private final CurrencyStore currencyStore;

	LedgerService(Earning earning, Spending spending, Reversals reversals, Postings postings, LotJobs jobs,
			LedgerQueries queries, LedgerChecks checks, LedgerProperties properties, CurrencyMoves currency,
			CurrencyStore currencyStore) {
		this.currency = currency;
		this.currencyStore = currencyStore;
		this.earning = earning;
		this.spending = spending;
		this.reversals = reversals;
		this.postings = postings;
		this.jobs = jobs;
		this.queries = queries;
		this.checks = checks;
		this.properties = properties;
	}

	@Override
	@Transactional
	public Posting earn(EarnCommand command) {
		return earning.earn(command, List.of());
	}

	@Override
	@Transactional
	public Posting earn(EarnCommand command, List<PostCommand> alongside) {
		return earning.earn(command, alongside);
	}

	@Override
	@Transactional
	public Posting spend(SpendCommand command) {
		return spending.spend(command);
	}

	@Override
	@Transactional
	public Reversal reverseEarn(ReverseEarnCommand command) {
		return reversals.reverseEarn(command);
	}

	@Override
	@Transactional
	public Posting restoreSpend(RestoreSpendCommand command) {
		return reversals.restoreSpend(command);
	}

	@Override
	@Transactional
	public Posting adjust(AdjustCommand command) {
		if (command.note().isBlank()) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "reason", "must not be blank");
		}
		BigDecimal amount = Amounts.nonZero(command.amount(), "amount");
		return amount.signum() > 0
				? earning.adjustUp(command.memberId(), amount, command.note(), command.actor(), command.idempotencyKey())
				: spending.adjustDown(command.memberId(), amount.negate(), command.note(), command.actor(),
						command.idempotencyKey());
	}

	@Override
	@Transactional
	public PostedTransaction post(PostCommand command) {
		return postings.post(command);
	}

	@Override
	@Transactional
	public CurrencyMove creditCurrency(CurrencyCommand command) {
		return currency.credit(command);
	}

	@Override
	@Transactional
	public CurrencyMove debitCurrency(CurrencyCommand command) {
		return currency.debit(command);
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal currencyBalance(UUID memberId) {
		return currencyStore.balance(memberId);
	}

	@Override
	@Transactional(readOnly = true)
	public CurrencyHistory currencyHistory(UUID memberId, int limit, int offset) {
		requirePage(limit, offset);
		return currencyStore.history(memberId, limit, offset);
	}

	/** Not transactional itself: each batch is its own database transaction. */
	@Override
	public LotRun releasePending(Instant now) {
		return jobs.release(now);
	}

	/** Not transactional itself: each batch is its own database transaction. */
	@Override
	public LotRun expire(Instant now) {
		return jobs.expire(now);
	}

	@Override
	@Transactional(readOnly = true)
	public Balance balance(UUID memberId) {
		return queries.balance(memberId, properties.expiringSoonWindow());
	}

	@Override
	@Transactional(readOnly = true)
	public Balance balance(UUID memberId, Duration expiringWithin) {
		return queries.balance(memberId, expiringWithin);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExpiringLots> expiringBetween(Instant from, Instant to) {
		return queries.expiringBetween(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public History history(UUID memberId, @Nullable HistoryType type, int limit, int offset) {
		requirePage(limit, offset);
		return queries.history(memberId, type, limit, offset);
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal accountBalance(LedgerAccount account) {
		return queries.accountBalance(account);
	}

	@Override
	@Transactional(readOnly = true)
	public PartyActivity partyActivity(PartyId party, Instant from, Instant to) {
		requirePeriod(from, to);
		return queries.partyActivity(party, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Payable> settlementBetween(Instant from, Instant to) {
		requirePeriod(from, to);
		return queries.settlementBetween(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public LedgerCheck check() {
		return checks.check();
	}

	private static void requirePage(int limit, int offset) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "limit", "must be between 1 and " + MAX_PAGE);
		}
		if (offset < 0) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "offset", "must not be negative");
		}
	}

	private static void requirePeriod(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw LedgerError.INVALID_POSTING.exception("The period's start must be before its end.");
		}
	}
}
