package io.krug.webhooks.internal;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks.attempts} log. */
@Repository
class AttemptStore {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	AttemptStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insert(ProgramId program, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = outcomes.stream()
			.map(o -> new MapSqlParameterSource().addValue("id", Ids.newId())
				.addValue("program", program.value())
				.addValue("endpoint", o.message().endpointId())
				.addValue("message", o.message().messageId())
				.addValue("type", o.message().eventType())
				.addValue("status", o.attemptStatus())
				.addValue("code", o.responseCode(), Types.INTEGER)
				.addValue("duration", (int) Math.min(Integer.MAX_VALUE, o.durationMs()))
				.addValue("body", o.responseBody(), Types.VARCHAR)
				.addValue("error", o.error(), Types.VARCHAR)
				.addValue("at", Timestamp.from(o.attemptedAt())))
			.toArray(SqlParameterSource[]::new);
		batch.batchUpdate("""
				INSERT INTO webhooks.attempts (id, program_id, endpoint_id, message_id, event_type, status,
				  response_code, duration_ms, response_body, error, attempted_at)
				VALUES (:id, :program, :endpoint, :message, :type, :status, :code, :duration, :body, :error, :at)""",
				rows);
	}

	WebhookPage<Attempt> page(ProgramId program, UUID endpointId, int limit, int offset) {
		long total = jdbc.sql("SELECT count(*) FROM webhooks.attempts WHERE program_id = :p AND endpoint_id = :e")
			.param("p", program.value())
			.param("e", endpointId)
			.query(Long.class)
			.single();
		List<Attempt> items = jdbc.sql("""
				SELECT * FROM webhooks.attempts WHERE program_id = :p AND endpoint_id = :e
				ORDER BY attempted_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("p", program.value())
			.param("e", endpointId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Attempt(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
					rs.getString("event_type"), rs.getString("status"), rs.getObject("response_code", Integer.class),
					rs.getInt("duration_ms"), rs.getString("response_body"), rs.getString("error"),
					rs.getTimestamp("attempted_at").toInstant()))
			.list();
		return new WebhookPage<>(items, total);
	}
}
