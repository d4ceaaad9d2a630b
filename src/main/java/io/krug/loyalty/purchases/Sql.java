package io.krug.loyalty.purchases;

import io.krug.identity.MemberStatus;
import io.krug.platform.tenancy.TenantContext;
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
 * Parameter and column conversions of the purchases tables. Nullable parameters are passed typed, so the driver
 * does not ask the server for their type (one round trip less per statement).
 */
final class Sql {

	private Sql() {
	}

	static @Nullable MemberStatus status(@Nullable String key) {
		return key == null ? null : MemberStatus.fromKey(key);
	}

	static SqlParameterValue status(@Nullable MemberStatus status) {
		return text(status == null ? null : status.key());
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Instant required(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static UUID program() {
		return TenantContext.require().value();
	}

	static SqlParameterValue text(@Nullable String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	static SqlParameterValue uuid(@Nullable UUID value) {
		return new SqlParameterValue(Types.OTHER, value);
	}

	static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static SqlParameterValue tsOrNull(@Nullable Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : ts(instant));
	}
}
