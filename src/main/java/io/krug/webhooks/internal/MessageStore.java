package io.krug.webhooks.internal;

import io.krug.platform.db.TextArrays;
import io.krug.platform.tenancy.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The event log, the outbox of messages and their claims: {@code webhooks.events} and {@code webhooks.messages}. */
@Repository("webhookMessageStore")
class MessageStore {

	/** The order key of events about no member on an ordered endpoint. */
	static final UUID NO_MEMBER = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	MessageStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A message to write: one event for one endpoint. */
	record NewMessage(UUID id, UUID endpointId, UUID eventId, String eventType, @Nullable UUID orderKey) {
	}

	/** A logged event, as replays read it. */
	record LoggedEvent(UUID id, String type, @Nullable UUID memberId) {
	}

	/** An event to log, rendered when it was published. */
	record NewEvent(UUID id, String type, @Nullable UUID memberId, String payload, Instant at) {
	}

	/** An active endpoint events may go to; {@code ownerMemberId} set for a member's own. */
	record Subscriber(UUID id, List<String> eventTypes, boolean ordered, @Nullable UUID ownerMemberId) {
	}

	/**
	 * Logs a transaction's events and finds, in the same statement, the active endpoints they may go to: the
	 * program's, and, when the program lets members own endpoints, those of the members the events are about.
	 */
	List<Subscriber> log(ProgramId program, List<NewEvent> events) {
		StringBuilder sql = new StringBuilder("""
				WITH logged AS (
				  INSERT INTO webhooks.events (id, program_id, type, member_id, payload, occurred_at)
				  SELECT CAST(i AS uuid), :program, t, CAST(m AS uuid), p, CAST(a AS timestamptz)
				  FROM unnest(CAST(:ids AS text[]), CAST(:types AS text[]), CAST(:members AS text[]),
				    CAST(:payloads AS text[]), CAST(:times AS text[])) AS x (i, t, m, p, a)""");
		MapSqlParameterSource params = new MapSqlParameterSource("program", program.value());
		List<UUID> ids = new ArrayList<>(events.size());
		List<String> types = new ArrayList<>(events.size());
		List<@Nullable UUID> eventMembers = new ArrayList<>(events.size());
		List<String> payloads = new ArrayList<>(events.size());
		List<Instant> times = new ArrayList<>(events.size());
		Set<UUID> members = new LinkedHashSet<>();
		for (NewEvent e : events) {
			ids.add(e.id());
			types.add(e.type());
			eventMembers.add(e.memberId());
			payloads.add(e.payload());
			times.add(e.at());
			if (e.memberId() != null) {
				members.add(e.memberId());
			}
		}
		params.addValue("ids", TextArrays.of(ids))
			.addValue("types", TextArrays.of(types))
			.addValue("members", TextArrays.of(eventMembers))
			.addValue("payloads", TextArrays.of(payloads))
			.addValue("times", TextArrays.of(times));
		sql.append("""
				)
				SELECT e.id, e.event_types, e.ordered, e.owner_member_id FROM webhooks.endpoints e
				WHERE e.program_id = :program AND e.active AND (e.owner_member_id IS NULL""");
		if (!members.isEmpty()) {
			sql.append(" OR (e.owner_member_id IN (:owners) AND EXISTS (SELECT 1 FROM webhooks.settings s")
				.append(" WHERE s.program_id = e.program_id AND s.member_endpoints_allowed))");
			params.addValue("owners", List.copyOf(members));
		}
		return batch.query(sql.append(")").toString(), params,
				(rs, n) -> new Subscriber(rs.getObject(1, UUID.class), EndpointRepository.strings(rs.getArray(2)),
						rs.getBoolean(3), rs.getObject(4, UUID.class)));
	}

	/**
	 * Runs {@code work} with the transaction's tenant setting switched to {@code program} and restores it afterwards:
	 * for events published in a transaction bound to no program (or to all, a system job), whose rows row-level
	 * security would otherwise refuse.
	 */
	<T> T asProgram(ProgramId program, Supplier<T> work) {
		String previous = jdbc.sql("SELECT current_setting('krug.program_id', true)")
			.query(String.class)
			.optional()
			.orElse("");
		tenant(program.toString());
		try {
			return work.get();
		}
		finally {
			tenant(previous);
		}
	}

	private void tenant(String setting) {
		jdbc.sql("SELECT set_config('krug.program_id', :setting, true)").param("setting", setting).query(String.class)
			.single();
	}

	void insert(ProgramId program, List<NewMessage> messages, Instant now) {
		if (messages.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = messages.stream()
			.map(m -> new MapSqlParameterSource().addValue("id", m.id())
				.addValue("program", program.value())
				.addValue("endpoint", m.endpointId())
				.addValue("event", m.eventId())
				.addValue("type", m.eventType())
				.addValue("orderKey", m.orderKey(), Types.OTHER)
				.addValue("now", Timestamp.from(now)))
			.toArray(SqlParameterSource[]::new);
		batch.batchUpdate("""
				INSERT INTO webhooks.messages (id, program_id, endpoint_id, event_id, event_type, order_key, status,
				  attempts, next_attempt_at, created_at)
				VALUES (:id, :program, :endpoint, :event, :type, :orderKey, 'pending', 0, :now, :now)""", rows);
	}

	/**
	 * Claims up to {@code limit} due messages of every program (run in system scope): pending, due, not leased to a
	 * live worker, of an active endpoint, and, on ordered endpoints, without an earlier pending message of the same
	 * member. Rows other workers are claiming are skipped, so several workers share the queue.
	 */
	List<Claimed> claim(int limit, Instant now, UUID lease, Instant leaseUntil) {
		return jdbc.sql("""
				WITH picked AS (
				  SELECT m.id FROM webhooks.messages m JOIN webhooks.endpoints e ON e.id = m.endpoint_id
				  WHERE m.status = 'pending' AND m.next_attempt_at <= :now
				    AND (m.locked_until IS NULL OR m.locked_until <= :now) AND e.active
				    AND (m.order_key IS NULL OR NOT EXISTS (
				      SELECT 1 FROM webhooks.messages p
				      WHERE p.endpoint_id = m.endpoint_id AND p.order_key = m.order_key AND p.status = 'pending'
				        AND p.seq < m.seq))
				  ORDER BY m.next_attempt_at, m.seq
				  LIMIT :limit
				  FOR UPDATE OF m SKIP LOCKED),
				claimed AS (
				  UPDATE webhooks.messages m SET lease = :lease, locked_until = :until
				  FROM picked WHERE m.id = picked.id
				  RETURNING m.id, m.program_id, m.endpoint_id, m.event_id, m.event_type, m.attempts)
				SELECT c.id, c.program_id, c.endpoint_id, c.event_type, c.attempts, ev.payload, e.url, e.secret,
				  e.previous_secret, e.previous_secret_expires_at, e.headers, e.rate_limit_per_second
				FROM claimed c JOIN webhooks.events ev ON ev.id = c.event_id
				  JOIN webhooks.endpoints e ON e.id = c.endpoint_id""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("lease", lease)
			.param("until", Timestamp.from(leaseUntil))
			.query((rs, n) -> claimed(rs, lease))
			.list();
	}

	Optional<Message> find(ProgramId program, UUID endpointId, UUID id) {
		return jdbc.sql("SELECT * FROM webhooks.messages WHERE program_id = :p AND endpoint_id = :e AND id = :id")
			.param("p", program.value())
			.param("e", endpointId)
			.param("id", id)
			.query(MessageStore::message)
			.optional();
	}

	WebhookPage<Message> page(ProgramId program, UUID endpointId, @Nullable String status, int limit, int offset) {
		String where = " WHERE program_id = :p AND endpoint_id = :e AND (CAST(:s AS text) IS NULL OR status = :s)";
		long total = jdbc.sql("SELECT count(*) FROM webhooks.messages" + where)
			.param("p", program.value())
			.param("e", endpointId)
			.param("s", status, Types.VARCHAR)
			.query(Long.class)
			.single();
		List<Message> items = jdbc.sql("SELECT * FROM webhooks.messages" + where
				+ " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.param("p", program.value())
			.param("e", endpointId)
			.param("s", status, Types.VARCHAR)
			.param("limit", limit)
			.param("offset", offset)
			.query(MessageStore::message)
			.list();
		return new WebhookPage<>(items, total);
	}

	/** Queues a message again, due now, with a fresh count of attempts; a worker holding it loses its claim. */
	int requeue(ProgramId program, UUID endpointId, UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE webhooks.messages SET status = 'pending', attempts = 0, next_attempt_at = :now,
				  finished_at = NULL, lease = NULL, locked_until = NULL
				WHERE program_id = :p AND endpoint_id = :e AND id = :id""")
			.param("p", program.value())
			.param("e", endpointId)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Queues again every message of the endpoint given up on since {@code since}. */
	int requeueFailedSince(ProgramId program, UUID endpointId, Instant since, Instant now) {
		return jdbc.sql("""
				UPDATE webhooks.messages SET status = 'pending', attempts = 0, next_attempt_at = :now,
				  finished_at = NULL, lease = NULL, locked_until = NULL
				WHERE program_id = :p AND endpoint_id = :e AND status = 'failed' AND finished_at >= :since""")
			.param("p", program.value())
			.param("e", endpointId)
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(now))
			.update();
	}

	long countEvents(ProgramId program, Instant from, Instant to, List<String> types, @Nullable UUID member) {
		return jdbc.sql("SELECT count(*) FROM webhooks.events" + EVENTS_IN_RANGE)
			.param("p", program.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("types", types)
			.param("member", member, Types.OTHER)
			.query(Long.class)
			.single();
	}

	/** Logged events in [from, to) of the types, oldest first, after the given one (keyset paging). */
	List<LoggedEvent> events(ProgramId program, Instant from, Instant to, List<String> types, @Nullable UUID member,
			@Nullable UUID after, int limit) {
		return jdbc.sql("SELECT id, type, member_id FROM webhooks.events" + EVENTS_IN_RANGE
				+ " AND (CAST(:after AS uuid) IS NULL OR (occurred_at, id) > "
				+ "(SELECT occurred_at, id FROM webhooks.events WHERE id = :after))"
				+ " ORDER BY occurred_at, id LIMIT :limit")
			.param("p", program.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("types", types)
			.param("member", member, Types.OTHER)
			.param("after", after, Types.OTHER)
			.param("limit", limit)
			.query((rs, n) -> new LoggedEvent(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class)))
			.list();
	}

	private static final String EVENTS_IN_RANGE = " WHERE program_id = :p AND occurred_at >= :from AND occurred_at < :to"
			+ " AND type IN (:types) AND (CAST(:member AS uuid) IS NULL OR member_id = :member)";

	private static Claimed claimed(ResultSet rs, UUID lease) throws SQLException {
		Timestamp previousExpires = rs.getTimestamp("previous_secret_expires_at");
		return new Claimed(rs.getObject("id", UUID.class), lease,
				new ProgramId(rs.getObject("program_id", UUID.class)), rs.getObject("endpoint_id", UUID.class),
				rs.getString("event_type"), rs.getInt("attempts"), rs.getString("payload"), rs.getString("url"),
				rs.getString("secret"), rs.getString("previous_secret"),
				previousExpires == null ? null : previousExpires.toInstant(), rs.getString("headers"),
				rs.getObject("rate_limit_per_second", Integer.class));
	}

	private static Message message(ResultSet rs, int row) throws SQLException {
		Timestamp last = rs.getTimestamp("last_attempt_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Message(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("status"),
				rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
				last == null ? null : last.toInstant(), finished == null ? null : finished.toInstant(),
				rs.getTimestamp("created_at").toInstant());
	}
}
