package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's currency wallet fell below the program's low-balance threshold (seed 001: under 10).
 */
public record CurrencyBalanceLow(ProgramId programId, UUID memberId, BigDecimal balance, BigDecimal threshold,
		Instant at) {
}
