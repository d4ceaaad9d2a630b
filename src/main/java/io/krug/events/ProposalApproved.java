package io.krug.events;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's event proposal was among its month's top three by weighted score: organizers are to realize it.
 *
 * @param memberId who proposed it
 */
public record ProposalApproved(ProgramId programId, UUID proposalId, UUID memberId, BigDecimal weightedScore,
		Instant at) {
}
