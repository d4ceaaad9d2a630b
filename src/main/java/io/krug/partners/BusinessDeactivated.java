package io.krug.partners;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/** Published in the transaction that deactivated a business: it left the program or was suspended. */
public record BusinessDeactivated(ProgramId programId, UUID businessId, Instant at) {
}
