package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's in-app inbox: delivered in-app messages, newest first, and which are read. */
@Service
public class Inbox {

	private static final String VISIBLE = "channel = 'in_app' AND status IN ('delivered', 'opened', 'clicked')";

	private final JdbcClient jdbc;

	private final MessageStore store;

	private final Clock clock;

	Inbox(JdbcClient jdbc, MessageStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	/** One inbox entry. */
	public record Entry(UUID id, String type, String category, String priority, @Nullable String title,
			String body, Instant createdAt, @Nullable Instant readAt) {
	}

	/** A page of the inbox with the total and the number of unread messages. */
	public record Page(List<Entry> notifications, long total, long unreadCount) {
	}

	@Transactional(readOnly = true)
	public Page list(UUID programId, UUID memberId, int limit, int offset) {
		List<Entry> entries = jdbc.sql("""
				SELECT id, type, category, priority, subject, body_text, created_at, read_at
				FROM notifications.messages WHERE program_id = :p AND member_id = :m AND %s
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""".formatted(VISIBLE))
			.param("p", programId).param("m", memberId).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("type"),
					rs.getString("category"), rs.getString("priority"), rs.getString("subject"),
					rs.getString("body_text"), rs.getTimestamp("created_at").toInstant(),
					MessageStore.instant(rs, "read_at")))
			.list();
		return jdbc.sql("""
				SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
				FROM notifications.messages WHERE program_id = :p AND member_id = :m AND %s""".formatted(VISIBLE))
			.param("p", programId).param("m", memberId)
			.query((rs, n) -> new Page(entries, rs.getLong("total"), rs.getLong("unread")))
			.single();
	}

	/** Marks one of the member's messages read (once: the first reading's time is kept). */
	@Transactional
	public void markRead(UUID programId, UUID memberId, UUID id) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE notifications.messages SET read_at = COALESCE(read_at, :now),
				  status = CASE WHEN status = 'delivered' THEN 'opened' ELSE status END
				WHERE program_id = :p AND member_id = :m AND id = :id AND %s""".formatted(VISIBLE))
			.param("now", Timestamp.from(now)).param("p", programId).param("m", memberId).param("id", id)
			.update();
		if (updated == 0) {
			throw NotificationsError.NOTIFICATION_NOT_FOUND.exception("No notification " + id);
		}
		store.history(programId, id, MessageStatus.OPENED.key(), "read", now);
	}

	/** Marks every unread message of the member read; returns how many. */
	@Transactional
	public int markAllRead(UUID programId, UUID memberId) {
		Instant now = clock.instant();
		List<UUID> read = jdbc.sql("""
				UPDATE notifications.messages SET read_at = :now, status = 'opened'
				WHERE program_id = :p AND member_id = :m AND read_at IS NULL AND %s
				RETURNING id""".formatted(VISIBLE))
			.param("now", Timestamp.from(now)).param("p", programId).param("m", memberId)
			.query(UUID.class)
			.list();
		read.forEach(id -> store.history(programId, id, MessageStatus.OPENED.key(), "read_all", now));
		return read.size();
	}
}
