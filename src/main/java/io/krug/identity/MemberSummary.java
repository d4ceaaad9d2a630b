package io.krug.identity;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a member. Personal data beyond the name's initial is left to the identity module.
 *
 * @param phone E.164, or {@code null} once the member's data has been erased
 */
public record MemberSummary(UUID id, ProgramId programId, long memberNumber, @Nullable String phone,
		@Nullable String firstName, @Nullable String lastName, MemberStatus status, boolean active,
		Instant registeredAt) {
}
