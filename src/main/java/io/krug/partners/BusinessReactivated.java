package io.krug.partners;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/** Published in the transaction that made a deactivated business active again. */
public record BusinessReactivated(ProgramId programId, UUID businessId, Instant at) {
}
