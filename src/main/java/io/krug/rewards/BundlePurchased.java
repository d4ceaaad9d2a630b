package io.krug.rewards;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member bought a bundle of access tokens with the program's currency.
 */
public record BundlePurchased(ProgramId programId, UUID purchaseId, UUID memberId, UUID bundleId,
		BigDecimal price, int tokenCount,
		Instant at) {
}
