package io.krug.identity.internal;

import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member row as identity keeps it. */
public record MemberRecord(UUID id, ProgramId programId, long memberNumber, @Nullable String phone,
		@Nullable String email, @Nullable String firstName, @Nullable String lastName, @Nullable LocalDate birthDate,
		@Nullable String city, @Nullable String avatarUrl, MemberStatus status, @Nullable String referralCodeUsed,
		String source, boolean marketingConsent, boolean verified, boolean active, Instant createdAt,
		@Nullable Instant lastLoginAt) {

	static final String COLUMNS = """
			id, program_id, member_number, phone, email, first_name, last_name, birth_date, city, avatar_url, status,
			referral_code_used, source, marketing_consent, is_verified, is_active, created_at, last_login_at""";

	static MemberRecord map(ResultSet rs, int row) throws SQLException {
		java.sql.Date birth = rs.getDate("birth_date");
		java.sql.Timestamp login = rs.getTimestamp("last_login_at");
		return new MemberRecord(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
				rs.getLong("member_number"), rs.getString("phone"), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), birth == null ? null : birth.toLocalDate(), rs.getString("city"),
				rs.getString("avatar_url"), MemberStatus.fromKey(rs.getString("status")),
				rs.getString("referral_code_used"), rs.getString("source"), rs.getBoolean("marketing_consent"),
				rs.getBoolean("is_verified"), rs.getBoolean("is_active"), rs.getTimestamp("created_at").toInstant(),
				login == null ? null : login.toInstant());
	}

	public MemberSummary summary() {
		return new MemberSummary(id, programId, memberNumber, phone, firstName, lastName, status, active, createdAt);
	}
}
