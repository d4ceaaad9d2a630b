package io.krug.ledger.internal;

import java.math.BigDecimal;
import java.util.UUID;

/** An amount taken from a lot (positive) or given back to it (negative); also a lot's spendable slice. */
record LotMove(UUID lotId, UUID funderId, BigDecimal amount) {

	LotMove withAmount(BigDecimal value) {
		return new LotMove(lotId, funderId, value);
	}
}
