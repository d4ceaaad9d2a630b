package io.krug.identity.internal;

import io.krug.identity.Role;
import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A staff account as stored. */
public record StaffRecord(UUID id, ProgramId programId, String email, String name, Role role,
		@Nullable UUID businessId, String passwordHash, @Nullable String totpSecret, boolean totpEnabled,
		@Nullable Long totpLastStep, int failedLogins, @Nullable Instant lockedUntil, boolean active,
		Instant createdAt, @Nullable Instant lastLoginAt) {

	static StaffRecord map(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp locked = rs.getTimestamp("locked_until");
		java.sql.Timestamp login = rs.getTimestamp("last_login_at");
		Long step = rs.getObject("totp_last_step", Long.class);
		return new StaffRecord(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
				rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
				rs.getObject("business_id", UUID.class), rs.getString("password_hash"), rs.getString("totp_secret"),
				rs.getBoolean("totp_enabled"), step, rs.getInt("failed_logins"),
				locked == null ? null : locked.toInstant(), rs.getBoolean("is_active"),
				rs.getTimestamp("created_at").toInstant(), login == null ? null : login.toInstant());
	}
}
