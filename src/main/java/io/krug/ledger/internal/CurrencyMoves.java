package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;
import io.krug.ledger.CurrencyCommand;
import io.krug.ledger.CurrencyMove;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerError;
import io.krug.ledger.Reason;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Credits and debits of members' currency wallets against the club's currency accounts. */
@Component
class CurrencyMoves {

	private final CurrencyStore store;

	private final Replays replays;

	private final Clock clock;

	CurrencyMoves(CurrencyStore store, Replays replays, Clock clock) {
		this.store = store;
		this.replays = replays;
		this.clock = clock;
	}

	CurrencyMove credit(CurrencyCommand command) {
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		Header header = header(Reason.CURRENCY_DEPOSIT, command);
		Legs legs = new Legs().add(LedgerAccount.memberCurrency(command.memberId()), amount)
			.add(club(AccountKind.CURRENCY_ISSUED), amount.negate());
		return store.credit(header, command.memberId(), amount, legs)
			.map(balance -> new CurrencyMove(header.id(), header.at(), false, balance, balance.subtract(amount)))
			.orElseGet(() -> replay(header, command.memberId()));
	}

	CurrencyMove debit(CurrencyCommand command) {
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		Header header = header(Reason.CURRENCY_SPEND, command);
		Legs legs = new Legs().add(LedgerAccount.memberCurrency(command.memberId()), amount.negate())
			.add(club(AccountKind.CURRENCY_REVENUE), amount);
		CurrencyStore.Debit debit = store.debit(header, command.memberId(), amount, legs);
		if (!debit.claimed()) {
			return replay(header, command.memberId());
		}
		BigDecimal balance = debit.balance();
		if (balance == null) {
			throw LedgerError.INSUFFICIENT_CURRENCY.exception("The member's currency balance "
					+ store.balance(command.memberId()).toPlainString() + " does not cover " + amount.toPlainString()
					+ ".");
		}
		return new CurrencyMove(header.id(), header.at(), false, balance, balance.add(amount));
	}

	private CurrencyMove replay(Header header, UUID member) {
		StoredTransaction stored = replays.existing(header.idempotencyKey(), header.reason(), member);
		BigDecimal balance = store.balance(member);
		return new CurrencyMove(stored.id(), stored.createdAt(), true, balance, balance);
	}

	private Header header(Reason reason, CurrencyCommand command) {
		return Header.of(reason, command.memberId(), TenantContext.require().value(), command.description(),
				command.actor(), command.source(), null, command.idempotencyKey(), clock.instant());
	}

	private static LedgerAccount club(io.krug.ledger.AccountKind kind) {
		return new LedgerAccount(kind, TenantContext.require().value());
	}
}
