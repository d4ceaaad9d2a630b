package io.krug.loyalty;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member earned bonuses for a purchase: when it was recorded, or when an unmatched purchase was credited on the
 * buyer's registration.
 *
 * @param availableAt when the bonuses may be spent (the end of the return window)
 */
public record BonusesEarned(ProgramId programId, UUID memberId, UUID purchaseId, BigDecimal amount,
		Instant availableAt) {
}
