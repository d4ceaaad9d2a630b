package io.krug.notifications.internal;

import io.krug.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-program SMTP settings; passwords are sealed with {@link SecretBox}. */
@Service
public class SmtpSettingsStore {

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	SmtpSettingsStore(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Transactional
	public void save(UUID programId, SmtpSettings s) {
		jdbc.sql("""
				INSERT INTO notifications.smtp_settings (program_id, host, port, username, password_enc,
				  from_address, start_tls, updated_at)
				VALUES (:p, :host, :port, :user, :pass, :from, :tls, :now)
				ON CONFLICT (program_id) DO UPDATE SET host = excluded.host, port = excluded.port,
				  username = excluded.username, password_enc = excluded.password_enc,
				  from_address = excluded.from_address, start_tls = excluded.start_tls,
				  updated_at = excluded.updated_at""")
			.param("p", programId).param("host", s.host()).param("port", s.port()).param("user", s.username())
			.param("pass", s.password() == null ? null : secrets.encrypt(s.password()))
			.param("from", s.fromAddress()).param("tls", s.startTls())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<SmtpSettings> find(UUID programId) {
		return jdbc.sql("SELECT * FROM notifications.smtp_settings WHERE program_id = :p")
			.param("p", programId)
			.query((rs, n) -> {
				String sealed = rs.getString("password_enc");
				return new SmtpSettings(rs.getString("host"), rs.getInt("port"), rs.getString("username"),
						sealed == null ? null : secrets.decrypt(sealed), rs.getString("from_address"),
						rs.getBoolean("start_tls"));
			})
			.optional();
	}
}
