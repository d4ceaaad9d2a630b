package io.krug.loyalty.card;

import io.krug.identity.MemberStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The active member of the current program a valid card token names.
 *
 * @param name first name and last initial ("Анна С."), {@code null} when the member gave no name
 * @param tokenExpiresAt when the resolved token stops resolving
 */
public record ResolvedCard(UUID memberId, long memberNumber, @Nullable String name, MemberStatus status,
		Instant tokenExpiresAt) {
}
