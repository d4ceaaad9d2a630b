package io.krug.loyalty;

import io.krug.identity.MemberStatus;
import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/** A member's status (tier) changed: up after purchases or an invitation, down after refunds or time passing. */
public record TierChanged(ProgramId programId, UUID memberId, MemberStatus from, MemberStatus to, Instant at) {
}
