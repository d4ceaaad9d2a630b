package io.krug.ledger.internal;

import io.krug.ledger.LedgerError;
import io.krug.platform.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/** Amount checks: points have at most {@value Money#SCALE} decimals; nothing is rounded silently. */
final class Amounts {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);

	private Amounts() {
	}

	/** The amount at scale 2, or a 422 {@code invalid_amount} when it is not positive or has more decimals. */
	static BigDecimal positive(BigDecimal amount, String what) {
		BigDecimal exact = exact(amount, what);
		if (exact.signum() <= 0) {
			throw LedgerError.INVALID_AMOUNT.exception(what + " must be positive, was " + amount.toPlainString());
		}
		return exact;
	}

	/** The amount at scale 2, or a 422 {@code invalid_amount} when it is zero or has more decimals. */
	static BigDecimal nonZero(BigDecimal amount, String what) {
		BigDecimal exact = exact(amount, what);
		if (exact.signum() == 0) {
			throw LedgerError.INVALID_AMOUNT.exception(what + " must not be zero");
		}
		return exact;
	}

	static BigDecimal exact(BigDecimal amount, String what) {
		if (amount.stripTrailingZeros().scale() > Money.SCALE) {
			throw LedgerError.INVALID_AMOUNT
				.exception(what + " has more than " + Money.SCALE + " decimals: " + amount.toPlainString());
		}
		return amount.setScale(Money.SCALE);
	}

	static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
		return items.stream().map(amount).reduce(ZERO, BigDecimal::add);
	}
}
