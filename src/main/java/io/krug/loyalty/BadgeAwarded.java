package io.krug.loyalty;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member earned a badge, e.g. {@code category:dentistry}, {@code collector}, {@code first_registration}. Published
 * once per member and badge.
 */
public record BadgeAwarded(ProgramId programId, UUID memberId, String badge, Instant at) {
}
