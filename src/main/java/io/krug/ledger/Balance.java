package io.krug.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's balance as the member sees it.
 *
 * @param expiringSoon points expiring within the window, per day in the program's time zone, soonest first
 */
public record Balance(BigDecimal total, BigDecimal available, BigDecimal pending, List<Expiring> expiringSoon) {

	/** Points expiring at the end of a day. */
	public record Expiring(BigDecimal amount, LocalDate expiresAt) {
	}
}
