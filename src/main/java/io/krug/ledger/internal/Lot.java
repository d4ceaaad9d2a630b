package io.krug.ledger.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A lot as stored. */
record Lot(UUID id, UUID memberId, UUID funderId, UUID earnTransactionId, BigDecimal amount, BigDecimal remaining,
		BigDecimal reversed, LotState state, Instant availableAt, Instant expiresAt) {

	static final String COLUMNS = "l.id, l.member_id, l.funder_id, l.earn_transaction_id, l.amount, l.remaining,"
			+ " l.reversed, l.state, l.available_at, l.expires_at";

	static Lot map(ResultSet rs, int row) throws SQLException {
		return new Lot(Sql.uuid(rs, "id"), Sql.uuid(rs, "member_id"), Sql.uuid(rs, "funder_id"),
				Sql.uuid(rs, "earn_transaction_id"), rs.getBigDecimal("amount"), rs.getBigDecimal("remaining"),
				rs.getBigDecimal("reversed"), LotState.valueOf(rs.getString("state")), Sql.instant(rs, "available_at"),
				Sql.instant(rs, "expires_at"));
	}
}
