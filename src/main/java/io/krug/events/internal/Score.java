package io.krug.events.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A proposal's votes as seed 003's {@code calculate_proposal_score}: counts of yes and no, the weighted score
 * (weighted yes minus weighted no) and the approval rate (weighted yes over all weight, 0 without votes).
 */
public record Score(long yesVotes, long noVotes, BigDecimal weightedYes, BigDecimal weightedNo) {

	public static final Score NONE = new Score(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

	public long totalVotes() {
		return yesVotes + noVotes;
	}

	public BigDecimal weightedScore() {
		return weightedYes.subtract(weightedNo).setScale(1, RoundingMode.HALF_EVEN);
	}

	/** In [0, 1] with four decimals. */
	public BigDecimal approvalRate() {
		BigDecimal all = weightedYes.add(weightedNo);
		return all.signum() == 0 ? BigDecimal.ZERO.setScale(4)
				: weightedYes.divide(all, 4, RoundingMode.HALF_EVEN);
	}
}
