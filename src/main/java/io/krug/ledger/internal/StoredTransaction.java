package io.krug.ledger.internal;

import io.krug.ledger.MemberBalance;
import io.krug.ledger.Reason;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A transaction already in the ledger, with its member's balance now (zero when it has no member). */
record StoredTransaction(UUID id, Reason reason, @Nullable UUID memberId, @Nullable UUID partyId,
		@Nullable UUID reverses, Instant createdAt, MemberBalance balance) {
}
