package io.krug.webhooks.internal;

import io.krug.platform.tenancy.ProgramId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks.settings} table: one row per program that changed the defaults. */
@Repository
class WebhookSettingsRepository {

	private final JdbcClient jdbc;

	WebhookSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean memberEndpointsAllowed(ProgramId program) {
		return jdbc.sql("SELECT member_endpoints_allowed FROM webhooks.settings WHERE program_id = :program")
			.param("program", program.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void put(ProgramId program, boolean memberEndpointsAllowed, String actor, Instant now) {
		jdbc.sql("""
				INSERT INTO webhooks.settings (program_id, member_endpoints_allowed, updated_by, updated_at)
				VALUES (:program, :allowed, :actor, :now)
				ON CONFLICT (program_id) DO UPDATE SET member_endpoints_allowed = :allowed, updated_by = :actor,
				  updated_at = :now""")
			.param("program", program.value())
			.param("allowed", memberEndpointsAllowed)
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
	}
}
