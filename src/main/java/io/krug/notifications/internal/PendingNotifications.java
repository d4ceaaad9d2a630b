package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.db.TextArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications announced on a hot path (bonuses earned, on every purchase) and rendered later: the causing
 * transaction stores the notification as one row ({@link #defer}); the delivery worker turns the rows into messages
 * ({@link #expand}), a batch of a program's rows at a time, in a transaction that deletes the rows and queues their
 * messages through {@link Notifier}, so the messages exist once for a committed cause and never for a rolled-back one. The purchase pays one INSERT instead of
 * the member, the preferences, and per channel a template, a message and its history, with the templates rendered.
 */
@Component
public class PendingNotifications {

	private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Notifier notifier;

	private final TransactionTemplate tx;

	private final Clock clock;

	/**
	 * Rows that failed to expand on this replica, tried alone at later runs so that they do not fail (and send one
	 * by one) the batches of the rows that come after them. A hint only: a replica that does not know a row tries it
	 * in a batch first.
	 */
	private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

	private static final int MAX_FAILING = 10_000;

	PendingNotifications(JdbcClient jdbc, JsonMapper json, Notifier notifier, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.notifier = notifier;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Stores the notification, in the caller's transaction, to be queued by {@link #expand}. */
	public void defer(Notification n) {
		if (n.inline() != null) {
			throw new IllegalArgumentException("An inline-template notification cannot be deferred; indicates a bug");
		}
		jdbc.sql("""
				INSERT INTO notifications.pending (id, program_id, member_id, type, category, priority, dedupe_key,
				  variables, created_at)
				VALUES (:id, :program, :member, :type, :category, :priority, :dedupe, CAST(:variables AS jsonb), :at)""")
			.param("id", Ids.newId())
			.param("program", n.programId())
			.param("member", n.memberId())
			.param("type", n.type())
			.param("category", n.category())
			.param("priority", n.priority().key())
			.param("dedupe", n.dedupeKey())
			.param("variables", json.writeValueAsString(n.variables()))
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private record Pending(UUID id, ProgramId program) {
	}

	/**
	 * Queues the messages of up to {@code limit} pending notifications, oldest first: each program's rows in one
	 * transaction of the program that deletes them ({@code FOR UPDATE SKIP LOCKED}: rows another worker holds or took
	 * meanwhile are skipped) and queues their messages set-based ({@link Notifier#notifyAll}), so the messages exist
	 * once for each deleted row. When that fails, the program's rows are queued one by one, each in its own
	 * transaction, so a row that cannot be queued stays (logged, tried again alone at the next runs) without holding
	 * up the others. Visible rows are those of the caller's scope (every program's in system scope). Returns how many
	 * notifications were expanded.
	 */
	public int expand(int limit) {
		List<Pending> oldest = tx.execute(s -> jdbc
			.sql("SELECT id, program_id FROM notifications.pending ORDER BY created_at, id LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class),
					new ProgramId(rs.getObject("program_id", UUID.class))))
			.list());
		if (oldest == null) {
			return 0;
		}
		Map<ProgramId, List<UUID>> byProgram = new LinkedHashMap<>();
		oldest.forEach(p -> byProgram.computeIfAbsent(p.program(), k -> new ArrayList<>()).add(p.id()));
		int expanded = 0;
		for (Map.Entry<ProgramId, List<UUID>> program : byProgram.entrySet()) {
			expanded += expand(program.getKey(), program.getValue());
		}
		return expanded;
	}

	private int expand(ProgramId program, List<UUID> ids) {
		List<UUID> alone = ids.stream().filter(failing::contains).toList();
		List<UUID> together = ids.stream().filter(id -> !alone.contains(id)).toList();
		int expanded = together.isEmpty() ? 0 : expandTogether(program, together);
		for (UUID id : alone) {
			expanded += expand(new Pending(id, program)) ? 1 : 0;
		}
		return expanded;
	}

	private int expandTogether(ProgramId program, List<UUID> ids) {
		try {
			Integer expanded = TenantContext.call(program, () -> tx.execute(s -> {
				List<Notification> batch = takeAll(ids);
				notifier.notifyAll(program.value(), batch);
				return batch.size();
			}));
			return expanded == null ? 0 : expanded;
		}
		catch (RuntimeException ex) {
			log.warn("{} pending notifications of program {} could not be queued together; queuing them one by one",
					ids.size(), program.value(), ex);
			int expanded = 0;
			for (UUID id : ids) {
				expanded += expand(new Pending(id, program)) ? 1 : 0;
			}
			return expanded;
		}
	}

	/** Expands one row in a transaction of its own; a row that fails is remembered, to be tried alone next time. */
	private boolean expand(Pending pending) {
		try {
			boolean expanded = Boolean.TRUE.equals(TenantContext.call(pending.program(),
					() -> tx.execute(s -> take(pending.id()).map(n -> {
						notifier.notify(n);
						return true;
					}).orElse(false))));
			failing.remove(pending.id());
			return expanded;
		}
		catch (RuntimeException ex) {
			// the row stays, and is tried again (alone) at the next run
			log.warn("Pending notification {} could not be queued", pending.id(), ex);
			if (failing.size() >= MAX_FAILING) {
				failing.clear();
			}
			failing.add(pending.id());
			return false;
		}
	}

	/**
	 * Deletes those of the rows no other worker holds or took, and returns their notifications, oldest first (the
	 * order in which they are queued decides which of a member's messages the daily cap holds).
	 */
	private List<Notification> takeAll(List<UUID> ids) {
		return jdbc.sql("""
				DELETE FROM notifications.pending WHERE id IN (
				  SELECT id FROM notifications.pending WHERE id = ANY(CAST(CAST(:ids AS text[]) AS uuid[]))
				  FOR UPDATE SKIP LOCKED)
				RETURNING id, created_at, %s""".formatted(COLUMNS))
			.param("ids", TextArrays.of(ids))
			.query((rs, n) -> new Taken(rs.getTimestamp("created_at").toInstant(), rs.getObject("id", UUID.class),
					notification(rs)))
			.list()
			.stream()
			.sorted(Comparator.comparing(Taken::createdAt).thenComparing(Taken::id))
			.map(Taken::notification)
			.toList();
	}

	private record Taken(Instant createdAt, UUID id, Notification notification) {
	}

	/** Deletes the row and returns its notification; empty when another worker deleted it first. */
	private Optional<Notification> take(UUID id) {
		return jdbc.sql("DELETE FROM notifications.pending WHERE id = :id RETURNING " + COLUMNS)
			.param("id", id)
			.query((rs, n) -> notification(rs))
			.optional();
	}

	private static final String COLUMNS = """
			program_id, member_id, type, category, priority, dedupe_key, variables::text AS variables""";

	private Notification notification(ResultSet rs) throws SQLException {
		return new Notification(rs.getObject("program_id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("type"), rs.getString("category"),
				Priority.valueOf(rs.getString("priority").toUpperCase(Locale.ROOT)), rs.getString("dedupe_key"),
				json.readValue(rs.getString("variables"), VARIABLES));
	}
}
