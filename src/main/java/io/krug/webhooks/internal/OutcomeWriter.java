package io.krug.webhooks.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.webhooks.WebhookEndpointDisabled;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what deliveries came to, for one program in one transaction: the attempts, each message's next state
 * (only while the worker's claim still holds), and the endpoints' health: a success clears the failure clock, a
 * failure starts it, an endpoint failing for {@link #DISABLE_AFTER} or answering 410 Gone is disabled, its pending
 * messages given up, and {@link WebhookEndpointDisabled} published.
 */
@Component
class OutcomeWriter {

	static final Duration DISABLE_AFTER = Duration.ofDays(5);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final AttemptStore attempts;

	private final RetrySchedule schedule;

	private final ApplicationEventPublisher events;

	OutcomeWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AttemptStore attempts, RetrySchedule schedule,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.attempts = attempts;
		this.schedule = schedule;
		this.events = events;
	}

	void write(ProgramId program, List<Outcome> outcomes) {
		attempts.insert(program, outcomes.stream().filter(Outcome::attempted).toList());
		batch.batchUpdate("""
				UPDATE webhooks.messages SET status = :status, attempts = attempts + :inc, next_attempt_at = :next,
				  last_attempt_at = coalesce(:last, last_attempt_at), finished_at = :finished, lease = NULL,
				  locked_until = NULL
				WHERE program_id = :p AND id = :id AND lease = :lease""",
				outcomes.stream().map(o -> nextState(o).addValue("p", program.value())).toArray(SqlParameterSource[]::new));
		updateEndpoints(program, outcomes);
	}

	private MapSqlParameterSource nextState(Outcome o) {
		Instant at = o.attemptedAt();
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("id", o.message().messageId())
			.addValue("lease", o.message().lease())
			.addValue("inc", o.attempted() ? 1 : 0)
			.addValue("last", o.attempted() ? Timestamp.from(at) : null, Types.TIMESTAMP);
		Optional<Duration> retry = switch (o.kind()) {
			case SUCCEEDED, GONE -> Optional.empty();
			case DEFERRED -> Optional.of(o.retryAfter() == null ? Duration.ofSeconds(1) : o.retryAfter());
			case FAILED, BLOCKED -> schedule.after(o.message().attempts() + 1)
				.map(delay -> o.retryAfter() == null ? delay : o.retryAfter());
		};
		String status = retry.isPresent() ? "pending" : o.kind() == Outcome.Kind.SUCCEEDED ? "succeeded" : "failed";
		return row.addValue("status", status)
			.addValue("next", Timestamp.from(retry.map(at::plus).orElse(at)))
			.addValue("finished", retry.isPresent() ? null : Timestamp.from(at), Types.TIMESTAMP);
	}

	private void updateEndpoints(ProgramId program, List<Outcome> outcomes) {
		Set<UUID> succeeded = endpoints(outcomes, Outcome.Kind.SUCCEEDED);
		if (!succeeded.isEmpty()) {
			jdbc.sql("""
					UPDATE webhooks.endpoints SET failing_since = NULL
					WHERE program_id = :p AND id IN (:ids) AND failing_since IS NOT NULL""")
				.param("p", program.value())
				.param("ids", succeeded)
				.update();
		}
		Map<UUID, Instant> firstFailure = new HashMap<>();
		outcomes.stream()
			.filter(o -> o.kind() == Outcome.Kind.FAILED || o.kind() == Outcome.Kind.BLOCKED)
			.filter(o -> !succeeded.contains(o.message().endpointId()))
			.forEach(o -> firstFailure.merge(o.message().endpointId(), o.attemptedAt(),
					(a, b) -> a.isBefore(b) ? a : b));
		if (!firstFailure.isEmpty()) {
			batch.batchUpdate(
					"""
							UPDATE webhooks.endpoints SET failing_since = :at
							WHERE program_id = :p AND id = :id AND failing_since IS NULL""",
					firstFailure.entrySet()
						.stream()
						.map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("p", program.value())
							.addValue("at", Timestamp.from(e.getValue())))
						.toArray(SqlParameterSource[]::new));
			Instant now = outcomes.stream().map(Outcome::attemptedAt).max(Comparator.naturalOrder()).orElseThrow();
			disable(program, firstFailure.keySet(), "failing", now, now.minus(DISABLE_AFTER));
		}
		Set<UUID> gone = endpoints(outcomes, Outcome.Kind.GONE);
		if (!gone.isEmpty()) {
			Instant now = outcomes.stream().map(Outcome::attemptedAt).max(Comparator.naturalOrder()).orElseThrow();
			disable(program, gone, "gone", now, null);
		}
	}

	private void disable(ProgramId program, Set<UUID> ids, String reason, Instant now,
			@Nullable Instant failingBefore) {
		List<WebhookEndpointDisabled> disabled = jdbc.sql("""
				UPDATE webhooks.endpoints SET active = false, disabled_at = :now, disabled_reason = :reason,
				  updated_at = :now
				WHERE program_id = :p AND id IN (:ids) AND active
				  AND (CAST(:before AS timestamptz) IS NULL OR failing_since <= :before)
				RETURNING id, owner_member_id, url""")
			.param("p", program.value())
			.param("ids", ids)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("before", failingBefore == null ? null : Timestamp.from(failingBefore),
					Types.TIMESTAMP)
			.query((rs, n) -> new WebhookEndpointDisabled(program, rs.getObject(1, UUID.class),
					rs.getObject(2, UUID.class), rs.getString(3), reason, now))
			.list();
		if (disabled.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE webhooks.messages SET status = 'failed', finished_at = :now, lease = NULL, locked_until = NULL
				WHERE program_id = :p AND endpoint_id IN (:ids) AND status = 'pending'""")
			.param("p", program.value())
			.param("ids", disabled.stream().map(WebhookEndpointDisabled::endpointId).toList())
			.param("now", Timestamp.from(now))
			.update();
		disabled.forEach(events::publishEvent);
	}

	private static Set<UUID> endpoints(List<Outcome> outcomes, Outcome.Kind kind) {
		return outcomes.stream()
			.filter(o -> o.kind() == kind)
			.map(o -> o.message().endpointId())
			.collect(Collectors.toSet());
	}
}
