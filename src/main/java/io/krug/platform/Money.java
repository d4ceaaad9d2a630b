package io.krug.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place amounts are rounded: to 0.01 with {@link RoundingMode#HALF_EVEN} (banker's rounding), so that
 * rounding errors do not drift in one direction over many postings.
 */
public final class Money {

	public static final int SCALE = 2;

	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	private Money() {
	}

	public static BigDecimal round(BigDecimal amount) {
		return amount.setScale(SCALE, ROUNDING);
	}

	public static boolean isPositive(BigDecimal amount) {
		return amount.signum() > 0;
	}
}
