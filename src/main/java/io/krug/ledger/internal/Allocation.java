package io.krug.ledger.internal;

import io.krug.platform.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How an amount is split over lots. Pure functions; amounts at scale 2. */
final class Allocation {

	private Allocation() {
	}

	/**
	 * Takes up to {@code amount} from the slices in the order given (oldest expiry first), each at most its amount.
	 * The result sums to {@code amount}, or to all the slices hold when that is less.
	 */
	static List<LotMove> fifo(List<LotMove> slices, BigDecimal amount) {
		List<LotMove> taken = new ArrayList<>();
		BigDecimal left = amount;
		for (LotMove slice : slices) {
			if (left.signum() <= 0) {
				break;
			}
			BigDecimal take = slice.amount().min(left);
			if (take.signum() > 0) {
				taken.add(slice.withAmount(take));
				left = left.subtract(take);
			}
		}
		return taken;
	}

	/**
	 * Splits {@code amount} over the slices in proportion to their amounts, in cents, by the largest remainder (ties
	 * to the earlier slice): the shares sum to exactly {@code amount} and none exceeds its slice. Slices given a
	 * zero share are left out.
	 *
	 * @throws IllegalArgumentException when the slices hold less than {@code amount}
	 */
	static List<LotMove> proportional(List<LotMove> slices, BigDecimal amount) {
		BigInteger total = cents(Amounts.sum(slices, LotMove::amount));
		BigInteger wanted = cents(amount);
		if (wanted.compareTo(total) > 0 || wanted.signum() < 0) {
			throw new IllegalArgumentException("Cannot split " + amount + " over " + slices);
		}
		if (wanted.signum() == 0) {
			return List.of();
		}
		BigInteger[] shares = new BigInteger[slices.size()];
		BigInteger[] remainders = new BigInteger[slices.size()];
		BigInteger left = wanted;
		for (int i = 0; i < slices.size(); i++) {
			BigInteger[] division = wanted.multiply(cents(slices.get(i).amount())).divideAndRemainder(total);
			shares[i] = division[0];
			remainders[i] = division[1];
			left = left.subtract(division[0]);
		}
		IntStream.range(0, slices.size())
			.boxed()
			.sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
			.limit(left.longValueExact())
			.forEach(i -> shares[i] = shares[i].add(BigInteger.ONE));
		List<LotMove> result = new ArrayList<>();
		for (int i = 0; i < slices.size(); i++) {
			if (shares[i].signum() > 0) {
				result.add(slices.get(i).withAmount(new BigDecimal(shares[i], Money.SCALE)));
			}
		}
		return result;
	}

	private static BigInteger cents(BigDecimal amount) {
		return amount.setScale(Money.SCALE).unscaledValue();
	}
}
