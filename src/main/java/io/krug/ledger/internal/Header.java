package io.krug.ledger.internal;

import io.krug.ledger.LedgerError;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.platform.Ids;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** A ledger transaction's header: what, whose, why, by whom, caused by what, correcting what. */
record Header(UUID id, Reason reason, @Nullable UUID memberId, @Nullable UUID partyId, @Nullable String description,
		String actor, Source source, @Nullable UUID reverses, @Nullable String idempotencyKey, Instant at) {

	static final String COLUMNS = "id, program_id, reason, member_id, party_id, description, actor, source_type,"
			+ " source_id, reverses, idempotency_key, created_at";

	static final String PARAMS = ":id, :program, :reason, :member, :party, :description, :actor, :sourceType,"
			+ " :sourceId, :reverses, :key, :at";

	/** A new header; a 422 {@code invalid_posting} when its texts are blank or too long for the ledger. */
	static Header of(Reason reason, @Nullable UUID memberId, @Nullable UUID partyId, @Nullable String description,
			String actor, Source source, @Nullable UUID reverses, @Nullable String idempotencyKey, Instant at) {
		require(!actor.isBlank() && actor.length() <= 200, "actor must be 1 to 200 characters");
		require(description == null || description.length() <= 500, "description must be at most 500 characters");
		require(idempotencyKey == null || (!idempotencyKey.isEmpty() && idempotencyKey.length() <= 255),
				"idempotency key must be 1 to 255 characters");
		return new Header(Ids.newId(), reason, memberId, partyId, description, actor, source, reverses,
				idempotencyKey, at);
	}

	private static void require(boolean valid, String message) {
		if (!valid) {
			throw LedgerError.INVALID_POSTING.exception(message);
		}
	}

	StatementSpec bind(StatementSpec spec, UUID program) {
		return spec.param("id", id)
			.param("program", program)
			.param("reason", reason.name())
			.param("member", Sql.uuid(memberId))
			.param("party", Sql.uuid(partyId))
			.param("description", Sql.text(description))
			.param("actor", actor)
			.param("sourceType", source.type().key())
			.param("sourceId", Sql.uuid(source.id()))
			.param("reverses", Sql.uuid(reverses))
			.param("key", Sql.text(idempotencyKey))
			.param("at", Sql.ts(at));
	}

	Object[] row(UUID program) {
		return new Object[] { id, program, reason.name(), Sql.uuid(memberId), Sql.uuid(partyId), Sql.text(description),
				actor, source.type().key(), Sql.uuid(source.id()), Sql.uuid(reverses), Sql.text(idempotencyKey),
				Sql.ts(at) };
	}
}
