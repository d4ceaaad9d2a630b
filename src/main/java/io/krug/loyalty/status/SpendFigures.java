package io.krug.loyalty.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A member's purchase figures per category, as {@code loyalty.member_status} keeps them between recomputations: net
 * spend per category in the rolling window and of all time, the oldest purchase the window counts, and the number of
 * purchases. They are exact as of the window they were computed for and stay exact, as purchases add to them, until
 * the window starts at or after {@code windowOldest} (a counted purchase has left it).
 *
 * @param windowNet category to net spend in the window
 * @param everNet category to net spend of all time
 * @param windowOldest the oldest purchase counted in the window; null when it counts none
 * @param purchases the member's purchases of all time
 */
record SpendFigures(Map<String, BigDecimal> windowNet, Map<String, BigDecimal> everNet,
		@Nullable Instant windowOldest, long purchases) {

	static final SpendFigures NONE = new SpendFigures(Map.of(), Map.of(), null, 0);

	SpendFigures {
		windowNet = Map.copyOf(windowNet);
		everNet = Map.copyOf(everNet);
	}

	/** Whether no purchase counted in the figures has left {@code window}. */
	boolean currentIn(RollingWindow window) {
		return windowOldest == null || windowOldest.isAfter(window.start());
	}

	/** The figures as status and badge decisions read them. */
	MemberSpend spend() {
		return new MemberSpend(sum(windowNet), visited(windowNet), sum(everNet), visited(everNet), purchases);
	}

	/** The figures without one purchase of {@code amount} in {@code category}: what they were before it. */
	MemberSpend spendWithout(String category, BigDecimal amount) {
		Map<String, BigDecimal> ever = new HashMap<>(everNet);
		ever.merge(category, amount.negate(), BigDecimal::add);
		Map<String, BigDecimal> window = new HashMap<>(windowNet);
		window.merge(category, amount.negate(), BigDecimal::add);
		return new MemberSpend(sum(window), visited(window), sum(ever), visited(ever), purchases - 1);
	}

	private static BigDecimal sum(Map<String, BigDecimal> net) {
		return net.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A category is visited while its net spend is positive (a fully refunded purchase visits nothing). */
	private static Set<String> visited(Map<String, BigDecimal> net) {
		return net.entrySet()
			.stream()
			.filter(e -> e.getValue().signum() > 0)
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}
}
