package io.krug.notifications.internal;

import io.krug.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's own HTTP provider settings (e.g. its Telegram bot); secrets sealed with {@link SecretBox}. */
@Service
public class ProviderSettings {

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	ProviderSettings(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** Where and with which secret to call a provider. */
	public record Provider(String baseUrl, String secret) {
	}

	@Transactional
	public void save(UUID programId, String provider, Provider settings) {
		jdbc.sql("""
				INSERT INTO notifications.provider_settings (program_id, provider, base_url, secret_enc, updated_at)
				VALUES (:p, :provider, :url, :secret, :now)
				ON CONFLICT (program_id, provider) DO UPDATE SET base_url = excluded.base_url,
				  secret_enc = excluded.secret_enc, updated_at = excluded.updated_at""")
			.param("p", programId).param("provider", provider).param("url", settings.baseUrl())
			.param("secret", secrets.encrypt(settings.secret())).param("now", Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<Provider> find(UUID programId, String provider) {
		return jdbc.sql("""
				SELECT base_url, secret_enc FROM notifications.provider_settings
				WHERE program_id = :p AND provider = :provider""")
			.param("p", programId).param("provider", provider)
			.query((rs, n) -> new Provider(rs.getString("base_url"), secrets.decrypt(rs.getString("secret_enc"))))
			.optional();
	}
}
