package io.krug.ledger;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Published when a member's points expired: how many, and when the expiry ran. */
public record BonusesExpired(ProgramId programId, UUID memberId, BigDecimal amount, Instant at) {
}
