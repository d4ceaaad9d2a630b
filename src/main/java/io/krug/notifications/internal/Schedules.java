package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages admins schedule for members, once or recurring ({@code daily}, {@code weekly}, {@code monthly}) until a
 * moment. Each run queues one message per member through the usual routing (priority, preferences, quiet hours);
 * the schedule's subject and texts are Jinja templates with the member's variables. A due schedule is run by one
 * worker ({@code FOR UPDATE SKIP LOCKED}) in one transaction with its advance, and each run's dedupe key makes a
 * repeated run queue nothing twice.
 */
@Service
public class Schedules {

	private final JdbcClient jdbc;

	private final Notifier notifier;

	private final TemplateAdmin templates;

	private final Clock clock;

	private final TransactionTemplate tx;

	Schedules(JdbcClient jdbc, Notifier notifier, TemplateAdmin templates, Clock clock, PlatformTransactionManager tm) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.templates = templates;
		this.clock = clock;
		this.tx = new TransactionTemplate(tm);
	}

	/** What to schedule. */
	public record NewSchedule(List<UUID> memberIds, String category, Priority priority, @Nullable String subject,
			String text, @Nullable String html, Instant sendAt, String recurrence, @Nullable Instant until) {
	}

	/** A stored schedule; {@code nextRunAt} is null once finished or cancelled. */
	public record Schedule(UUID id, List<UUID> memberIds, String category, String priority, @Nullable String subject,
			String text, @Nullable String html, String recurrence, @Nullable Instant nextRunAt,
			@Nullable Instant until, int runs, String createdBy, Instant createdAt) {
	}

	@Transactional
	public Schedule create(UUID programId, NewSchedule s, String actor) {
		templates.validate(new Template("scheduled", "any", "ru", s.subject(), s.text(), s.html()));
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO notifications.schedules (id, program_id, member_ids, category, priority, subject, text, html,
				  recurrence, next_run_at, until_at, created_by, created_at)
				VALUES (:id, :p, CAST(:members AS uuid[]), :category, :priority, :subject, :text, :html, :recurrence,
				  :next, :until, :actor, :now)""")
			.param("id", id).param("p", programId)
			.param("members", "{" + String.join(",", s.memberIds().stream().map(UUID::toString).toList()) + "}")
			.param("category", s.category()).param("priority", s.priority().key()).param("subject", s.subject())
			.param("text", s.text()).param("html", s.html()).param("recurrence", s.recurrence())
			.param("next", Timestamp.from(s.sendAt())).param("until", s.until() == null ? null : Timestamp.from(s.until()))
			.param("actor", actor).param("now", Timestamp.from(clock.instant()))
			.update();
		return find(programId, id);
	}

	@Transactional(readOnly = true)
	public List<Schedule> list(UUID programId) {
		return jdbc.sql("SELECT * FROM notifications.schedules WHERE program_id = :p ORDER BY created_at DESC, id DESC")
			.param("p", programId)
			.query(Schedules::map)
			.list();
	}

	@Transactional
	public void cancel(UUID programId, UUID id) {
		if (jdbc.sql("UPDATE notifications.schedules SET next_run_at = NULL WHERE program_id = :p AND id = :id")
			.param("p", programId).param("id", id)
			.update() == 0) {
			throw NotificationsError.NOTIFICATION_NOT_FOUND.exception("No schedule " + id);
		}
	}

	/** Runs every due schedule once; returns how many runs were made. Runs in the caller's tenant scope. */
	public int run(Instant now) {
		int runs = 0;
		Boolean ran;
		do {
			ran = tx.execute(s -> runOne(now));
			runs += Boolean.TRUE.equals(ran) ? 1 : 0;
		}
		while (Boolean.TRUE.equals(ran));
		return runs;
	}

	private boolean runOne(Instant now) {
		List<Schedule> due = jdbc.sql("""
				SELECT * FROM notifications.schedules WHERE next_run_at <= :now
				ORDER BY next_run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.query(Schedules::map)
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Schedule s = due.getFirst();
		UUID programId = programOf(s.id());
		Template inline = new Template("scheduled", "any", "ru", s.subject(), s.text(), s.html());
		TenantContext.run(new ProgramId(programId), () -> s.memberIds().forEach(member -> notifier.notify(
				new Notification(programId, member, "scheduled", s.category(), Priority.valueOf(
						s.priority().toUpperCase(java.util.Locale.ROOT)), "scheduled:" + s.id() + ":" + s.nextRunAt() + ":" + member,
						Map.of(), inline))));
		Instant next = next(s.nextRunAt(), s.recurrence());
		jdbc.sql("UPDATE notifications.schedules SET next_run_at = :next, runs = runs + 1 WHERE id = :id")
			.param("next", next == null || (s.until() != null && next.isAfter(s.until())) ? null : Timestamp.from(next))
			.param("id", s.id())
			.update();
		return true;
	}

	static @Nullable Instant next(Instant at, String recurrence) {
		return switch (recurrence) {
			case "daily" -> at.plus(java.time.Duration.ofDays(1));
			case "weekly" -> at.plus(java.time.Duration.ofDays(7));
			case "monthly" -> at.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
			default -> null;
		};
	}

	private UUID programOf(UUID id) {
		return jdbc.sql("SELECT program_id FROM notifications.schedules WHERE id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();
	}

	private Schedule find(UUID programId, UUID id) {
		return jdbc.sql("SELECT * FROM notifications.schedules WHERE program_id = :p AND id = :id")
			.param("p", programId).param("id", id)
			.query(Schedules::map)
			.single();
	}

	private static Schedule map(ResultSet rs, int row) throws SQLException {
		Array members = rs.getArray("member_ids");
		return new Schedule(rs.getObject("id", UUID.class), Arrays.asList((UUID[]) members.getArray()),
				rs.getString("category"), rs.getString("priority"), rs.getString("subject"), rs.getString("text"),
				rs.getString("html"), rs.getString("recurrence"), MessageStore.instant(rs, "next_run_at"),
				MessageStore.instant(rs, "until_at"), rs.getInt("runs"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
