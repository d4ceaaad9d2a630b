package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * transaction stores the notification as one row ({@link #defer}); the delivery worker turns each row into messages
 * ({@link #expand}) in a transaction that deletes the row and queues the messages through {@link Notifier}, so the
 * messages exist once for a committed cause and never for a rolled-back one. The purchase pays one INSERT instead of
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
	 * Queues the messages of up to {@code limit} pending notifications, oldest first, each in a transaction of its
	 * program that deletes the row; a row another worker took meanwhile is skipped. Visible rows are those of the
	 * caller's scope (every program's in system scope). Returns how many notifications were expanded.
	 */
	public int expand(int limit) {
		List<Pending> batch = tx.execute(s -> jdbc
			.sql("SELECT id, program_id FROM notifications.pending ORDER BY created_at LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class),
					new ProgramId(rs.getObject("program_id", UUID.class))))
			.list());
		if (batch == null) {
			return 0;
		}
		int expanded = 0;
		for (Pending pending : batch) {
			expanded += expand(pending) ? 1 : 0;
		}
		return expanded;
	}

	private boolean expand(Pending pending) {
		try {
			return Boolean.TRUE.equals(TenantContext.call(pending.program(), () -> tx.execute(s -> take(pending.id())
				.map(n -> {
					notifier.notify(n);
					return true;
				})
				.orElse(false))));
		}
		catch (RuntimeException ex) {
			// the row stays, and is tried again at the next run
			log.warn("Pending notification {} could not be queued", pending.id(), ex);
			return false;
		}
	}

	/** Deletes the row and returns its notification; empty when another worker deleted it first. */
	private Optional<Notification> take(UUID id) {
		return jdbc.sql("""
				DELETE FROM notifications.pending WHERE id = :id
				RETURNING program_id, member_id, type, category, priority, dedupe_key, variables::text AS variables""")
			.param("id", id)
			.query((rs, n) -> new Notification(rs.getObject("program_id", UUID.class),
					rs.getObject("member_id", UUID.class), rs.getString("type"), rs.getString("category"),
					Priority.valueOf(rs.getString("priority").toUpperCase(java.util.Locale.ROOT)),
					rs.getString("dedupe_key"), json.readValue(rs.getString("variables"), VARIABLES)))
			.optional();
	}
}
