package io.krug.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Parameter and column conversions. Nullable parameters are passed typed: an untyped {@code null} makes the driver
 * ask the server for the parameter's type, one more round trip per statement.
 */
final class Sql {

	private Sql() {
	}

	static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	static @Nullable UUID nullableUuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	static SqlParameterValue text(@Nullable String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	static SqlParameterValue uuid(@Nullable UUID value) {
		return new SqlParameterValue(Types.OTHER, value);
	}
}
