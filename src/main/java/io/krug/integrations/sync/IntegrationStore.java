package io.krug.integrations.sync;

import static io.krug.integrations.sync.Db.instant;
import static io.krug.integrations.sync.Db.program;
import static io.krug.integrations.sync.Db.required;
import static io.krug.integrations.sync.Db.ts;

import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The integrations table: configuration, and the sync state changed only by the run holding the claim. */
@Repository
class IntegrationStore {

	private static final String COLUMNS = """
			id, business_id, system, settings::text AS settings, secrets::text AS secrets, webhook_token, enabled,
			sync_interval_seconds, status, sync_from, next_run_at, consecutive_failures, last_success_at, last_error,
			last_error_at, last_run::text AS last_run, created_at, updated_at""";

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IntegrationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** False when the business already has an integration with the system. */
	boolean insert(Integration i) {
		return jdbc.sql("""
				INSERT INTO integrations.integrations (id, program_id, business_id, system, settings, secrets,
				  webhook_token, enabled, sync_interval_seconds, status, sync_from, next_run_at, created_at, updated_at)
				VALUES (:id, :program, :business, :system, CAST(:settings AS jsonb), CAST(:secrets AS jsonb), :token,
				  :enabled, :interval, :status, :syncFrom, :nextRun, :createdAt, :createdAt)
				ON CONFLICT (program_id, business_id, system) DO NOTHING""")
			.param("id", i.id())
			.param("program", program())
			.param("business", i.businessId())
			.param("system", i.system())
			.param("settings", json.writeValueAsString(i.settings()))
			.param("secrets", json.writeValueAsString(i.sealedSecrets()))
			.param("token", i.webhookToken())
			.param("enabled", i.enabled())
			.param("interval", i.intervalSeconds())
			.param("status", i.status())
			.param("syncFrom", ts(i.syncFrom()))
			.param("nextRun", ts(i.nextRunAt()))
			.param("createdAt", ts(i.createdAt()))
			.update() == 1;
	}

	void updateConfig(Integration i) {
		jdbc.sql("""
				UPDATE integrations.integrations SET settings = CAST(:settings AS jsonb), secrets = CAST(:secrets AS jsonb),
				  enabled = :enabled, sync_interval_seconds = :interval, next_run_at = :nextRun, updated_at = :updatedAt
				WHERE program_id = :program AND id = :id""")
			.param("program", program())
			.param("id", i.id())
			.param("settings", json.writeValueAsString(i.settings()))
			.param("secrets", json.writeValueAsString(i.sealedSecrets()))
			.param("enabled", i.enabled())
			.param("interval", i.intervalSeconds())
			.param("nextRun", ts(i.nextRunAt()))
			.param("updatedAt", ts(i.updatedAt()))
			.update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM integrations.integrations WHERE program_id = :program AND id = :id")
			.param("program", program())
			.param("id", id)
			.update() == 1;
	}

	Optional<Integration> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM integrations.integrations WHERE program_id = :program AND id = :id")
			.param("program", program())
			.param("id", id)
			.query(this::row)
			.optional();
	}

	record Page(List<Integration> items, long total) {
	}

	/** The program's integrations (only {@code business}'s when given), oldest first. */
	Page list(@Nullable UUID business, int limit, int offset) {
		String where = " FROM integrations.integrations WHERE program_id = :program"
				+ " AND (CAST(:business AS uuid) IS NULL OR business_id = :business)";
		SqlParameterValue businessParam = new SqlParameterValue(java.sql.Types.OTHER, business);
		List<Integration> items = jdbc
			.sql("SELECT " + COLUMNS + where + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
			.param("program", program())
			.param("business", businessParam)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
		long total = jdbc.sql("SELECT count(*)" + where)
			.param("program", program())
			.param("business", businessParam)
			.query(Long.class)
			.single();
		return new Page(items, total);
	}

	/** The enabled integrations of the program due at {@code now} and not claimed by a run. */
	List<UUID> due(Instant now) {
		return jdbc.sql("""
				SELECT id FROM integrations.integrations
				WHERE program_id = :program AND enabled AND next_run_at <= :now
				  AND (claimed_until IS NULL OR claimed_until <= :now)
				ORDER BY next_run_at, id""")
			.param("program", program())
			.param("now", ts(now))
			.query(UUID.class)
			.list();
	}

	/**
	 * Claims the integration for one sync run until {@code until}: at most one run holds an integration, whichever
	 * replica or thread asks. With {@code dueOnly}, only when it is due (the scheduled run); otherwise whenever it
	 * is not claimed (sync now).
	 */
	boolean claim(UUID id, Instant now, Instant until, boolean dueOnly) {
		return jdbc.sql("""
				UPDATE integrations.integrations SET claimed_until = :until
				WHERE program_id = :program AND id = :id AND (claimed_until IS NULL OR claimed_until <= :now)
				  AND (NOT :dueOnly OR (enabled AND next_run_at <= :now))""")
			.param("program", program())
			.param("id", id)
			.param("now", ts(now))
			.param("until", ts(until))
			.param("dueOnly", dueOnly)
			.update() == 1;
	}

	/** A run succeeded: the next window starts at {@code syncFrom}; failures are forgotten; the claim ends. */
	void succeeded(UUID id, Instant syncFrom, Instant now, Instant nextRun, String run) {
		jdbc.sql("""
				UPDATE integrations.integrations SET sync_from = :syncFrom, last_success_at = :now, next_run_at = :nextRun,
				  consecutive_failures = 0, status = 'active', last_run = CAST(:run AS jsonb), claimed_until = NULL
				WHERE program_id = :program AND id = :id""")
			.param("program", program())
			.param("id", id)
			.param("syncFrom", ts(syncFrom))
			.param("now", ts(now))
			.param("nextRun", ts(nextRun))
			.param("run", run)
			.update();
	}

	/**
	 * A run failed: counts the failure, records the error, marks the integration failing once the count reaches
	 * {@code failingAfter}, and ends the claim. Returns the count and whether this failure made it failing.
	 */
	Failure failed(UUID id, String error, Instant now, Instant nextRun, int failingAfter, String run) {
		return jdbc.sql("""
				UPDATE integrations.integrations i SET consecutive_failures = i.consecutive_failures + 1,
				  last_error = :error, last_error_at = :now, next_run_at = :nextRun, last_run = CAST(:run AS jsonb),
				  claimed_until = NULL,
				  status = CASE WHEN i.consecutive_failures + 1 >= :failingAfter THEN 'failing' ELSE i.status END
				FROM (SELECT status FROM integrations.integrations WHERE program_id = :program AND id = :id) before
				WHERE i.program_id = :program AND i.id = :id
				RETURNING i.consecutive_failures, before.status <> 'failing' AND i.status = 'failing' AS became""")
			.param("program", program())
			.param("id", id)
			.param("error", error)
			.param("now", ts(now))
			.param("nextRun", ts(nextRun))
			.param("failingAfter", failingAfter)
			.param("run", run)
			.query((rs, n) -> new Failure(rs.getInt(1), rs.getBoolean(2)))
			.single();
	}

	record Failure(int consecutive, boolean becameFailing) {
	}

	/** The program an integration belongs to, looked up across programs (for the unauthenticated webhook). */
	Optional<ProgramId> programOf(UUID id) {
		return jdbc.sql("SELECT program_id FROM integrations.integrations WHERE id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.map(ProgramId::new);
	}

	private Integration row(ResultSet rs, int n) throws SQLException {
		return new Integration(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
				rs.getString("system"), json.readValue(rs.getString("settings"), MAP),
				json.readValue(rs.getString("secrets"), MAP), rs.getString("webhook_token"), rs.getBoolean("enabled"),
				rs.getInt("sync_interval_seconds"), rs.getString("status"), required(rs, "sync_from"),
				required(rs, "next_run_at"), rs.getInt("consecutive_failures"), instant(rs, "last_success_at"),
				rs.getString("last_error"), instant(rs, "last_error_at"), rs.getString("last_run"),
				required(rs, "created_at"), required(rs, "updated_at"));
	}
}
