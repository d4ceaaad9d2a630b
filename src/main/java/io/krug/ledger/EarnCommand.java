package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Credit a member with points funded by a party.
 *
 * @param amount points, positive, at most 2 decimals
 * @param funder the party that issues the points and owes them until they are spent or expire
 * @param availableAt when the points may be spent (earned + the program's return window); at or before now they
 * are available at once
 * @param expiresAt when what is left of them expires (by default earned + 12 months)
 * @param reason an earning reason ({@link Reason.Use#EARN})
 * @param actor who asks, e.g. {@code staff:<uuid>} or {@code system}
 * @param idempotencyKey unique per program: posting twice with one key posts once
 */
public record EarnCommand(UUID memberId, BigDecimal amount, PartyId funder, Instant availableAt, Instant expiresAt,
		Reason reason, Source source, @Nullable String description, String actor, @Nullable String idempotencyKey) {
}
