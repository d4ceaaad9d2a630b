package io.krug.partners;

import io.krug.platform.tenancy.ProgramId;
import java.time.LocalDate;
import java.util.UUID;

/** Published in the transaction that added a business to a program. */
public record BusinessJoined(ProgramId programId, UUID businessId, String name, String categoryKey,
		LocalDate joinedAt) {
}
