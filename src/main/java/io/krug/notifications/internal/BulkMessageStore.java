package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements of the delivery worker, one per batch instead of one or two per message: the reads that
 * queuing a batch of notifications needs, the insert of a batch's messages with their first history rows, and the
 * recording of a batch's send outcomes with theirs. Each row's effect is that of {@link MessageStore}'s statement for
 * one message. Arrays travel as {@code text[]} ({@link TextArrays}), cast in SQL.
 */
@Repository
class BulkMessageStore {

	private final JdbcClient jdbc;

	BulkMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member's day, {@code [from, to)}, whose messages count against their daily cap. */
	record Day(UUID memberId, Instant from, Instant to) {
	}

	/** A message decided for a batch, with its first status and the reason when suppressed. */
	record Queued(NewMessage message, MessageStatus status, @Nullable String reason) {
	}

	/**
	 * What becomes of a claimed message: its new status ({@code queued} to try again at {@code nextAttempt}) and the
	 * history row written with it; a throttled message keeps its last error and gets its attempt back.
	 */
	record Transition(Message message, MessageStatus status, MessageStatus event, @Nullable String reason,
			@Nullable Instant nextAttempt, boolean throttled) {

		static Transition complete(Message m, MessageStatus status, @Nullable String reason) {
			return new Transition(m, status, status, reason, null, false);
		}

		static Transition retry(Message m, String reason, Instant at) {
			return new Transition(m, MessageStatus.QUEUED, MessageStatus.RETRY, reason, at, false);
		}

		static Transition throttle(Message m, Instant at) {
			return new Transition(m, MessageStatus.QUEUED, MessageStatus.RETRY, "rate_limited", at, true);
		}
	}

	/** Which of the dedupe keys are used already, on which channel ({@link #dedupe}). */
	List<String> usedDedupeKeys(UUID programId, Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT dedupe_key, channel FROM notifications.messages
				WHERE program_id = :p AND dedupe_key = ANY(CAST(:keys AS text[]))""")
			.param("p", programId).param("keys", TextArrays.of(List.copyOf(keys)))
			.query((rs, n) -> dedupe(rs.getString("dedupe_key"), Channel.of(rs.getString("channel"))))
			.list();
	}

	static String dedupe(String key, Channel channel) {
		return channel.key() + "|" + key;
	}

	/** As {@link MessageStore#countIntrusive} for each day, in one query. */
	Map<Day, Long> countIntrusive(UUID programId, Collection<Day> days) {
		Map<Day, Long> counts = new HashMap<>();
		if (days.isEmpty()) {
			return counts;
		}
		List<Day> list = List.copyOf(days);
		for (Map.Entry<Day, Long> count : jdbc.sql("""
				SELECT d.i, count(m.id) AS n
				FROM unnest(CAST(:members AS text[]), CAST(:froms AS text[]), CAST(:tos AS text[]))
				  WITH ORDINALITY AS d (member_id, from_at, to_at, i)
				LEFT JOIN notifications.messages m ON m.program_id = :p AND m.member_id = CAST(d.member_id AS uuid)
				  AND m.channel <> 'in_app' AND m.status NOT IN ('suppressed', 'failed')
				  AND m.next_attempt_at >= CAST(d.from_at AS timestamptz)
				  AND m.next_attempt_at < CAST(d.to_at AS timestamptz)
				GROUP BY d.i""")
			.param("p", programId).param("members", column(list, Day::memberId))
			.param("froms", column(list, Day::from)).param("tos", column(list, Day::to))
			.query((rs, n) -> Map.entry(list.get(rs.getInt("i") - 1), rs.getLong("n")))
			.list()) {
			counts.put(count.getKey(), count.getValue());
		}
		return counts;
	}

	/**
	 * Inserts the messages, skipping any whose dedupe key is used on its channel, with a history row of its status
	 * for each inserted one, in one statement; returns how many were inserted.
	 */
	int insertAll(UUID programId, List<Queued> batch, Instant now) {
		if (batch.isEmpty()) {
			return 0;
		}
		List<UUID> ids = new ArrayList<>(batch.size());
		List<UUID> eventIds = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			ids.add(Ids.newId());
			eventIds.add(Ids.newId());
		}
		return jdbc.sql("""
				WITH r AS (
				  SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:events AS text[]), CAST(:members AS text[]),
				    CAST(:types AS text[]), CAST(:categories AS text[]), CAST(:priorities AS text[]),
				    CAST(:channels AS text[]), CAST(:statuses AS text[]), CAST(:dedupes AS text[]),
				    CAST(:locales AS text[]), CAST(:recipients AS text[]), CAST(:subjects AS text[]),
				    CAST(:texts AS text[]), CAST(:htmls AS text[]), CAST(:dues AS text[]), CAST(:reasons AS text[]))
				    WITH ORDINALITY AS r (id, event_id, member_id, type, category, priority, channel, status,
				      dedupe_key, locale, recipient, subject, body_text, body_html, due, reason, i)
				), inserted AS (
				  INSERT INTO notifications.messages (id, program_id, member_id, type, category, priority, channel,
				    status, dedupe_key, locale, recipient, subject, body_text, body_html, next_attempt_at, created_at,
				    last_error)
				  SELECT CAST(id AS uuid), :p, CAST(member_id AS uuid), type, category, priority, channel, status,
				    dedupe_key, locale, recipient, subject, body_text, body_html, CAST(due AS timestamptz), :now, reason
				  FROM r ORDER BY i
				  ON CONFLICT (program_id, dedupe_key, channel) DO NOTHING
				  RETURNING id, status, last_error
				)
				INSERT INTO notifications.message_events (id, program_id, message_id, status, reason, at)
				SELECT CAST(r.event_id AS uuid), :p, inserted.id, inserted.status, inserted.last_error, :now
				FROM inserted JOIN r ON CAST(r.id AS uuid) = inserted.id""")
			.param("p", programId).param("now", Timestamp.from(now))
			.param("ids", TextArrays.of(ids)).param("events", TextArrays.of(eventIds))
			.param("members", column(batch, q -> q.message().memberId()))
			.param("types", column(batch, q -> q.message().type()))
			.param("categories", column(batch, q -> q.message().category()))
			.param("priorities", column(batch, q -> q.message().priority().key()))
			.param("channels", column(batch, q -> q.message().channel().key()))
			.param("statuses", column(batch, q -> q.status().key()))
			.param("dedupes", column(batch, q -> q.message().dedupeKey()))
			.param("locales", column(batch, q -> q.message().locale()))
			.param("recipients", column(batch, q -> q.message().recipient()))
			.param("subjects", column(batch, q -> q.message().subject()))
			.param("texts", column(batch, q -> q.message().bodyText()))
			.param("htmls", column(batch, q -> q.message().bodyHtml()))
			.param("dues", column(batch, q -> q.message().notBefore()))
			.param("reasons", column(batch, Queued::reason))
			.update();
	}

	/**
	 * Records what became of claimed messages, each only if its claim still holds (as {@link MessageStore#complete},
	 * {@link MessageStore#retryLater} and {@link MessageStore#throttle} do for one), with a history row for each
	 * recorded one, in one statement; returns the ids of the messages whose claim held.
	 */
	List<UUID> record(List<Transition> transitions, Instant now) {
		if (transitions.isEmpty()) {
			return List.of();
		}
		List<UUID> eventIds = new ArrayList<>(transitions.size());
		transitions.forEach(t -> eventIds.add(Ids.newId()));
		return jdbc.sql("""
				WITH t AS (
				  SELECT CAST(id AS uuid) AS id, CAST(token AS uuid) AS token, status, reason,
				    CAST(next_at AS timestamptz) AS next_at, CAST(throttled AS boolean) AS throttled, event,
				    CAST(event_id AS uuid) AS event_id
				  FROM unnest(CAST(:ids AS text[]), CAST(:tokens AS text[]), CAST(:statuses AS text[]),
				    CAST(:reasons AS text[]), CAST(:nexts AS text[]), CAST(:throttled AS text[]),
				    CAST(:events AS text[]), CAST(:eventIds AS text[]))
				    AS x (id, token, status, reason, next_at, throttled, event, event_id)
				), updated AS (
				  UPDATE notifications.messages m
				  SET status = t.status, lease_until = NULL,
				      last_error = CASE WHEN t.throttled THEN m.last_error ELSE t.reason END,
				      claim_token = CASE WHEN t.status = 'queued' THEN NULL ELSE m.claim_token END,
				      next_attempt_at = coalesce(t.next_at, m.next_attempt_at),
				      attempts = CASE WHEN t.throttled THEN m.attempts - 1 ELSE m.attempts END,
				      sent_at = CASE WHEN t.status IN ('sent', 'delivered') THEN CAST(:now AS timestamptz)
				                ELSE m.sent_at END
				  FROM t
				  WHERE m.id = t.id AND m.status = 'sending' AND m.claim_token = t.token
				  RETURNING m.id, m.program_id, t.event, t.reason, t.event_id
				)
				INSERT INTO notifications.message_events (id, program_id, message_id, status, reason, at)
				SELECT event_id, program_id, id, event, reason, CAST(:now AS timestamptz) FROM updated
				RETURNING message_id""")
			.param("now", Timestamp.from(now))
			.param("ids", column(transitions, t -> t.message().id()))
			.param("tokens", column(transitions, t -> t.message().claimToken()))
			.param("statuses", column(transitions, t -> t.status().key()))
			.param("reasons", column(transitions, Transition::reason))
			.param("nexts", column(transitions, Transition::nextAttempt))
			.param("throttled", column(transitions, Transition::throttled))
			.param("events", column(transitions, t -> t.event().key()))
			.param("eventIds", TextArrays.of(eventIds))
			.query(UUID.class)
			.list();
	}

	private static <T> TextArrays column(List<T> rows, Function<T, ? extends @Nullable Object> value) {
		List<@Nullable Object> column = new ArrayList<>(rows.size());
		rows.forEach(row -> column.add(value.apply(row)));
		return TextArrays.of(column);
	}
}
