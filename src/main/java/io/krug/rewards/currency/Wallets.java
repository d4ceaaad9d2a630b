package io.krug.rewards.currency;

import io.krug.identity.IdentityApi;
import io.krug.ledger.CurrencyCommand;
import io.krug.ledger.CurrencyHistory;
import io.krug.ledger.CurrencyMove;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.platform.Ids;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.CurrencyBalanceLow;
import io.krug.rewards.CurrencyDeposit;
import io.krug.rewards.CurrencyWallet;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' currency wallets: credits, debits for what the currency buys, balances, history, and the program's
 * currency settings. A debit that takes the balance from at or above the low-balance threshold to below it publishes
 * {@link CurrencyBalanceLow} in its transaction.
 */
@Service
public class Wallets implements CurrencyWallet {

	private final LedgerApi ledger;

	private final IdentityApi identity;

	private final CurrencySettingsStore settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Wallets(LedgerApi ledger, IdentityApi identity, CurrencySettingsStore settings, ApplicationEventPublisher events,
			Clock clock) {
		this.ledger = ledger;
		this.identity = identity;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public CurrencyMove deposit(CurrencyDeposit deposit) {
		requireMember(deposit.memberId());
		return ledger.creditCurrency(new CurrencyCommand(deposit.memberId(), deposit.amount(),
				Source.of(SourceType.DEPOSIT, Ids.newId()), deposit.note(), deposit.actor(), deposit.idempotencyKey()));
	}

	/**
	 * Debits the member's wallet (joining the caller's transaction); the ledger's 402 {@code insufficient_currency}
	 * when the balance is short.
	 */
	@Transactional
	public CurrencyMove pay(UUID memberId, BigDecimal amount, Source source, String description, String actor,
			@Nullable String idempotencyKey) {
		CurrencyMove move = ledger
			.debitCurrency(new CurrencyCommand(memberId, amount, source, description, actor, idempotencyKey));
		BigDecimal threshold = settings.current().lowBalanceThreshold();
		if (!move.replayed() && move.previousBalance().compareTo(threshold) >= 0
				&& move.balance().compareTo(threshold) < 0) {
			events.publishEvent(new CurrencyBalanceLow(TenantContext.require(), memberId, move.balance(), threshold,
					clock.instant()));
		}
		return move;
	}

	@Transactional(readOnly = true)
	public BigDecimal balance(UUID memberId) {
		return ledger.currencyBalance(memberId);
	}

	@Transactional(readOnly = true)
	public CurrencyHistory history(UUID memberId, int limit, int offset) {
		return ledger.currencyHistory(memberId, limit, offset);
	}

	@Transactional(readOnly = true)
	public CurrencySettings settings() {
		return settings.current();
	}

	@Transactional
	public CurrencySettings updateSettings(CurrencySettings updated, String actor) {
		List<Integer> durations = updated.tokenPrices()
			.stream()
			.map(CurrencySettings.TokenPrice::durationHours)
			.toList();
		if (!CurrencySettings.DURATIONS.containsAll(durations)) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "token_prices",
					"duration_hours must be one of " + CurrencySettings.DURATIONS);
		}
		if (Set.copyOf(durations).size() != durations.size()) {
			throw KrugException.field(PlatformError.VALIDATION_FAILED, "token_prices", "each duration at most once");
		}
		settings.save(updated, actor, clock.instant());
		return settings.current();
	}

	private void requireMember(UUID memberId) {
		if (identity.findMember(memberId).isEmpty()) {
			throw CurrencyError.MEMBER_NOT_FOUND.exception("No member " + memberId + " in this program.");
		}
	}
}
