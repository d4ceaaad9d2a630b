package io.krug.identity.internal;

import io.krug.platform.tenancy.ProgramId;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's identity settings: whether staff must use a second factor, the consent text version in force. */
@Service
public class ProgramSecurity {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProgramSecurity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Settings(boolean staffTotpRequired, String consentVersion) {
	}

	@Transactional(readOnly = true)
	public Settings get(ProgramId program) {
		return jdbc.sql("SELECT staff_totp_required, consent_version FROM identity.program_settings WHERE program_id = :p")
			.param("p", program.value())
			.query((rs, n) -> new Settings(rs.getBoolean(1), rs.getString(2)))
			.optional()
			.orElse(new Settings(false, "1.0"));
	}

	public String consentVersion(ProgramId program) {
		return get(program).consentVersion();
	}

	@Transactional
	public Settings update(ProgramId program, @Nullable Boolean staffTotpRequired, @Nullable String consentVersion) {
		Settings current = get(program);
		Settings next = new Settings(staffTotpRequired != null ? staffTotpRequired : current.staffTotpRequired(),
				consentVersion != null && !consentVersion.isBlank() ? consentVersion.trim() : current.consentVersion());
		jdbc.sql("""
				INSERT INTO identity.program_settings (program_id, staff_totp_required, consent_version, updated_at)
				VALUES (:p, :totp, :version, :now)
				ON CONFLICT (program_id) DO UPDATE SET staff_totp_required = :totp, consent_version = :version,
				  updated_at = :now""")
			.param("p", program.value())
			.param("totp", next.staffTotpRequired())
			.param("version", next.consentVersion())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return next;
	}
}
