package io.krug.rewards.currency;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A program's currency: what it is called, below what balance a member is told the wallet runs low, and the price of
 * a single access token per duration (seed 001: 1 hour to 30 days).
 */
public record CurrencySettings(String name, String code, BigDecimal lowBalanceThreshold, List<TokenPrice> tokenPrices) {

	/** The durations a single token can be bought for, in hours. */
	public static final List<Integer> DURATIONS = List.of(1, 12, 24, 168, 720);

	/** Seed 001's ZNC: 18 per day-token, threshold 10. */
	public static final CurrencySettings DEFAULTS = new CurrencySettings("Krug coin", "ZNC", new BigDecimal("10.00"),
			List.of(new TokenPrice(1, new BigDecimal("2.00")), new TokenPrice(12, new BigDecimal("12.00")),
					new TokenPrice(24, new BigDecimal("18.00")), new TokenPrice(168, new BigDecimal("100.00")),
					new TokenPrice(720, new BigDecimal("350.00"))));

	public CurrencySettings {
		tokenPrices = List.copyOf(tokenPrices);
	}

	/** The price of a single token of the duration, when the program sells that duration. */
	public Optional<BigDecimal> priceOf(int durationHours) {
		return tokenPrices.stream().filter(p -> p.durationHours() == durationHours).map(TokenPrice::price).findFirst();
	}

	/** The price of one access token of a duration. */
	public record TokenPrice(int durationHours, BigDecimal price) {
	}
}
