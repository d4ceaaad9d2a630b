package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerAccount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legs of one transaction being built. Amounts on the same account are merged and zero legs dropped, so a
 * redemption at the funder itself nets its settlement legs away.
 */
final class Legs {

	private final Map<LedgerAccount, BigDecimal> amounts = new LinkedHashMap<>();

	Legs add(LedgerAccount account, BigDecimal amount) {
		amounts.merge(account, amount, BigDecimal::add);
		return this;
	}

	int size() {
		return (int) amounts.values().stream().filter(a -> a.signum() != 0).count();
	}

	BigDecimal sum() {
		return amounts.values().stream().reduce(Amounts.ZERO, BigDecimal::add);
	}

	/** The non-zero legs, in the order first added; fails when they do not balance (indicates a bug). */
	List<Leg> balanced() {
		List<Leg> legs = new ArrayList<>();
		amounts.forEach((account, amount) -> {
			if (amount.signum() != 0) {
				legs.add(new Leg(legs.size() + 1, account, amount));
			}
		});
		if (sum().signum() != 0 || legs.size() < 2) {
			throw new IllegalStateException("Unbalanced legs " + amounts + "; indicates a bug");
		}
		return legs;
	}

	/** What these legs do to a member's wallet: [available, pending]. */
	BigDecimal[] memberDelta(UUID member) {
		return new BigDecimal[] { amount(new LedgerAccount(AccountKind.MEMBER_AVAILABLE, member)),
				amount(new LedgerAccount(AccountKind.MEMBER_PENDING, member)) };
	}

	private BigDecimal amount(LedgerAccount account) {
		return amounts.getOrDefault(account, Amounts.ZERO);
	}

	/** One numbered leg. */
	record Leg(int line, LedgerAccount account, BigDecimal amount) {

		Object[] row(UUID transactionId, UUID program, java.time.OffsetDateTime at) {
			return new Object[] { transactionId, line, program, account.kind().name(), account.owner(), amount, at };
		}

		/** For VALUES lists joined to a transaction row: (line, account, owner_id, amount). */
		Object[] shortRow() {
			return new Object[] { line, account.kind().name(), account.owner(), amount };
		}
	}
}
