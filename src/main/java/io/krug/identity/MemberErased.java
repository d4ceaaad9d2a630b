package io.krug.identity;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/** A member deleted their account: personal data is gone; modules drop what they hold beyond accounting. */
public record MemberErased(ProgramId programId, UUID memberId, Instant at) {
}
