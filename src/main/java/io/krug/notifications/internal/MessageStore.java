package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages table and its status history. Every change of status writes a history row in the same statement
 * batch. Callers run inside a transaction bound to a program (or the system scope for the worker's claims).
 */
@Repository
public class MessageStore {

	private static final String PRIORITY_RANK = """
			CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END""";

	private final JdbcClient jdbc;

	MessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues (or, with a reason, records as suppressed) a message; a duplicate of the same event is ignored. */
	Optional<UUID> insert(UUID programId, NewMessage m, Instant now, @Nullable String suppressedReason) {
		return insert(programId, m, now, suppressedReason == null ? MessageStatus.QUEUED : MessageStatus.SUPPRESSED,
				suppressedReason);
	}

	Optional<UUID> insert(UUID programId, NewMessage m, Instant now, MessageStatus initial,
			@Nullable String suppressedReason) {
		UUID id = Ids.newId();
		String status = initial.key();
		int inserted = jdbc.sql("""
				INSERT INTO notifications.messages (id, program_id, member_id, type, category, priority, channel,
				  status, dedupe_key, locale, recipient, subject, body_text, body_html, next_attempt_at, created_at,
				  last_error)
				VALUES (:id, :p, :member, :type, :category, :priority, :channel, :status, :dedupe, :locale,
				  :recipient, :subject, :text, :html, :due, :now, :reason)
				ON CONFLICT (program_id, dedupe_key, channel) DO NOTHING""")
			.param("id", id).param("p", programId).param("member", m.memberId()).param("type", m.type())
			.param("category", m.category()).param("priority", m.priority().key())
			.param("channel", m.channel().key()).param("status", status).param("dedupe", m.dedupeKey())
			.param("locale", m.locale()).param("recipient", m.recipient()).param("subject", m.subject())
			.param("text", m.bodyText()).param("html", m.bodyHtml()).param("due", ts(m.notBefore()))
			.param("now", ts(now)).param("reason", suppressedReason)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		history(programId, id, status, suppressedReason, now);
		return Optional.of(id);
	}

	/** Whether any message with this dedupe key exists, on any channel. */
	boolean queuedAlready(UUID programId, String dedupeKey) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM notifications.messages WHERE program_id = :p AND dedupe_key = :k)""")
			.param("p", programId).param("k", dedupeKey)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Claims up to {@code limit} due messages for one worker: {@code FOR UPDATE SKIP LOCKED} so concurrent workers
	 * never claim the same row, then {@code sending} with a lease and a fresh claim token, counted as an attempt.
	 */
	List<Message> claim(int limit, Instant now, Duration lease) {
		UUID token = Ids.newId();
		List<Message> claimed = jdbc.sql("""
				UPDATE notifications.messages m
				SET status = 'sending', lease_until = :lease, claim_token = :token, attempts = m.attempts + 1
				WHERE m.id IN (SELECT id FROM notifications.messages
				               WHERE status = 'queued' AND next_attempt_at <= :now
				               ORDER BY %s, next_attempt_at, id
				               LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING m.*""".formatted(PRIORITY_RANK))
			.param("lease", ts(now.plus(lease))).param("token", token).param("now", ts(now))
			.param("limit", limit)
			.query(MessageStore::map)
			.list();
		history(claimed, MessageStatus.SENDING.key(), null, now);
		return claimed;
	}

	/**
	 * Moves a claimed message on, only if this claim still holds it (its lease was not expired and recovered).
	 *
	 * @return whether the claim still held
	 */
	boolean complete(Message m, MessageStatus status, @Nullable String reason, Instant now) {
		int updated = jdbc.sql("""
				UPDATE notifications.messages
				SET status = :status, lease_until = NULL, last_error = :reason,
				    sent_at = CASE WHEN :sent THEN CAST(:now AS timestamptz) ELSE sent_at END
				WHERE id = :id AND status = 'sending' AND claim_token = :token""")
			.param("status", status.key()).param("reason", reason).param("sent", status == MessageStatus.SENT || status == MessageStatus.DELIVERED)
			.param("now", ts(now)).param("id", m.id()).param("token", m.claimToken())
			.update();
		if (updated == 1) {
			history(m.programId(), m.id(), status.key(), reason, now);
		}
		return updated == 1;
	}

	/** Puts a claimed message back in the queue for another attempt at {@code at}. */
	boolean retryLater(Message m, String reason, Instant at, Instant now) {
		int updated = jdbc.sql("""
				UPDATE notifications.messages
				SET status = 'queued', lease_until = NULL, claim_token = NULL, last_error = :reason,
				    next_attempt_at = :at
				WHERE id = :id AND status = 'sending' AND claim_token = :token""")
			.param("reason", reason).param("at", ts(at)).param("id", m.id()).param("token", m.claimToken())
			.update();
		if (updated == 1) {
			history(m.programId(), m.id(), MessageStatus.RETRY.key(), reason, now);
		}
		return updated == 1;
	}

	/** Puts a claimed message back, due at {@code at}, without counting the attempt (the channel was throttled). */
	boolean throttle(Message m, Instant at, Instant now) {
		int updated = jdbc.sql("""
				UPDATE notifications.messages
				SET status = 'queued', lease_until = NULL, claim_token = NULL, attempts = attempts - 1,
				    next_attempt_at = :at
				WHERE id = :id AND status = 'sending' AND claim_token = :token""")
			.param("at", ts(at)).param("id", m.id()).param("token", m.claimToken())
			.update();
		if (updated == 1) {
			history(m.programId(), m.id(), MessageStatus.RETRY.key(), "rate_limited", now);
		}
		return updated == 1;
	}

	/**
	 * Messages whose worker's lease ran out mid-send (the worker died). In-app delivery is idempotent (it is only this
	 * row's status), so those go back to the queue. For the other channels the send may or may not have happened,
	 * and none of them is idempotent, so they become dead letters ({@code failed}, {@code outcome_unknown}) for an
	 * admin to decide on: never sent twice automatically, never lost.
	 */
	int expireLeases(Instant now) {
		List<Message> requeued = jdbc.sql("""
				UPDATE notifications.messages
				SET status = 'queued', lease_until = NULL, claim_token = NULL, last_error = 'lease_expired'
				WHERE id IN (SELECT id FROM notifications.messages
				             WHERE status = 'sending' AND lease_until < :now AND channel = 'in_app'
				             FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.param("now", ts(now))
			.query(MessageStore::map)
			.list();
		history(requeued, MessageStatus.RETRY.key(), "lease_expired", now);
		List<Message> expired = jdbc.sql("""
				UPDATE notifications.messages
				SET status = 'failed', last_error = 'outcome_unknown', lease_until = NULL, claim_token = NULL
				WHERE id IN (SELECT id FROM notifications.messages
				             WHERE status = 'sending' AND lease_until < :now FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.param("now", ts(now))
			.query(MessageStore::map)
			.list();
		history(expired, MessageStatus.FAILED.key(), "outcome_unknown", now);
		return requeued.size() + expired.size();
	}

	/** Sends a dead letter again: back to the queue, due now, attempts reset. */
	boolean requeue(UUID programId, UUID id, String actor, Instant now) {
		int updated = jdbc.sql("""
				UPDATE notifications.messages
				SET status = 'queued', attempts = 0, next_attempt_at = :now, last_error = NULL
				WHERE program_id = :p AND id = :id AND status = 'failed'""")
			.param("now", ts(now)).param("p", programId).param("id", id)
			.update();
		if (updated == 1) {
			history(programId, id, MessageStatus.QUEUED.key(), "retried by " + actor, now);
		}
		return updated == 1;
	}

	Optional<Message> find(UUID programId, UUID id) {
		return jdbc.sql("SELECT * FROM notifications.messages WHERE program_id = :p AND id = :id")
			.param("p", programId).param("id", id)
			.query(MessageStore::map)
			.optional();
	}

	List<Message> forMember(UUID programId, UUID memberId) {
		return jdbc.sql("""
				SELECT * FROM notifications.messages WHERE program_id = :p AND member_id = :m
				ORDER BY created_at, id""")
			.param("p", programId).param("m", memberId)
			.query(MessageStore::map)
			.list();
	}

	List<Message> deadLetters(UUID programId, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM notifications.messages WHERE program_id = :p AND status = 'failed'
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("p", programId).param("limit", limit).param("offset", offset)
			.query(MessageStore::map)
			.list();
	}

	long countDeadLetters(UUID programId) {
		return jdbc.sql("SELECT count(*) FROM notifications.messages WHERE program_id = :p AND status = 'failed'")
			.param("p", programId)
			.query(Long.class)
			.single();
	}

	/** How many messages that reach the member at once (not in-app, not suppressed) fall due in [from, to). */
	long countIntrusive(UUID programId, UUID memberId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.messages
				WHERE program_id = :p AND member_id = :m AND channel <> 'in_app'
				  AND status NOT IN ('suppressed', 'failed') AND next_attempt_at >= :from AND next_attempt_at < :to""")
			.param("p", programId).param("m", memberId).param("from", ts(from)).param("to", ts(to))
			.query(Long.class)
			.single();
	}

	/** Members with held messages whose digest time has come: (program, member) pairs. */
	List<UUID[]> dueDigests(Instant now) {
		return jdbc.sql("""
				SELECT DISTINCT program_id, member_id FROM notifications.messages
				WHERE status = 'held' AND next_attempt_at <= :now""")
			.param("now", ts(now))
			.query((rs, n) -> new UUID[] { rs.getObject("program_id", UUID.class), rs.getObject("member_id", UUID.class) })
			.list();
	}

	/** Locks a member's due held messages, oldest first (skipping any another worker holds). */
	List<Message> lockHeld(UUID programId, UUID memberId, Instant now) {
		return jdbc.sql("""
				SELECT * FROM notifications.messages
				WHERE program_id = :p AND member_id = :m AND status = 'held' AND next_attempt_at <= :now
				ORDER BY created_at, id FOR UPDATE SKIP LOCKED""")
			.param("p", programId).param("m", memberId).param("now", ts(now))
			.query(MessageStore::map)
			.list();
	}

	/** Marks held messages as folded into a digest. */
	void digested(Message m, UUID digestId, Instant now) {
		jdbc.sql("UPDATE notifications.messages SET status = 'suppressed', last_error = :r WHERE id = :id")
			.param("r", "digested:" + digestId).param("id", m.id())
			.update();
		history(m.programId(), m.id(), MessageStatus.SUPPRESSED.key(), "digested:" + digestId, now);
	}

	/** The status history of a message, oldest first. */
	public List<StatusChange> history(UUID programId, UUID messageId) {
		return jdbc.sql("""
				SELECT status, reason, at FROM notifications.message_events
				WHERE program_id = :p AND message_id = :id ORDER BY at, id""")
			.param("p", programId).param("id", messageId)
			.query((rs, n) -> new StatusChange(rs.getString("status"), rs.getString("reason"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	void history(UUID programId, UUID messageId, String status, @Nullable String reason, Instant at) {
		jdbc.sql("""
				INSERT INTO notifications.message_events (id, program_id, message_id, status, reason, at)
				VALUES (:id, :p, :m, :status, :reason, :at)""")
			.param("id", Ids.newId()).param("p", programId).param("m", messageId).param("status", status)
			.param("reason", reason).param("at", ts(at))
			.update();
	}

	/** The same history row for each of the messages, in one statement. */
	private void history(List<Message> messages, String status, @Nullable String reason, Instant at) {
		if (messages.isEmpty()) {
			return;
		}
		List<UUID> ids = messages.stream().map(m -> Ids.newId()).toList();
		jdbc.sql("""
				INSERT INTO notifications.message_events (id, program_id, message_id, status, reason, at)
				SELECT CAST(i AS uuid), CAST(p AS uuid), CAST(m AS uuid), :status, :reason, :at
				FROM unnest(CAST(:ids AS text[]), CAST(:programs AS text[]), CAST(:messages AS text[])) AS x (i, p, m)""")
			.param("ids", TextArrays.of(ids))
			.param("programs", TextArrays.of(messages.stream().map(Message::programId).toList()))
			.param("messages", TextArrays.of(messages.stream().map(Message::id).toList()))
			.param("status", status).param("reason", reason).param("at", ts(at))
			.update();
	}

	/** One entry of a message's status history. */
	public record StatusChange(String status, @Nullable String reason, Instant at) {
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Message map(ResultSet rs, int row) throws SQLException {
		return new Message(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("type"), rs.getString("category"),
				rs.getString("priority"), Channel.of(rs.getString("channel")), rs.getString("status"),
				rs.getString("locale"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getObject("claim_token", UUID.class),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), instant(rs, "sent_at"),
				instant(rs, "read_at"));
	}
}
