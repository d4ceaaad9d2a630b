package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Members' preferences and the append-only record of their changes. */
@Repository
public class PreferenceStore {

	static final Preferences DEFAULTS = new Preferences(new Preferences.Channels(true, false, true, true),
			categories(List.of()), new Preferences.QuietHours("22:00", "08:00"), null, "off", 10,
			new Preferences.Addresses(null, List.of(), null), "ru");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PreferenceStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One recorded change. */
	public record Change(String changedBy, Instant changedAt, @Nullable Object oldValue, Object newValue) {
	}

	Optional<Preferences> find(UUID programId, UUID memberId) {
		return jdbc.sql("SELECT * FROM notifications.preferences WHERE program_id = :p AND member_id = :m")
			.param("p", programId).param("m", memberId)
			.query(PreferenceStore::map)
			.optional();
	}

	/** The preferences of those of the members who have any, keyed by member, in one query. */
	Map<UUID, Preferences> findAll(UUID programId, Collection<UUID> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Preferences> found = new HashMap<>();
		for (Map.Entry<UUID, Preferences> row : jdbc.sql("""
				SELECT * FROM notifications.preferences
				WHERE program_id = :p AND member_id = ANY(CAST(CAST(:m AS text[]) AS uuid[]))""")
			.param("p", programId).param("m", TextArrays.of(List.copyOf(memberIds)))
			.query((rs, n) -> Map.entry(rs.getObject("member_id", UUID.class), map(rs, n)))
			.list()) {
			found.put(row.getKey(), row.getValue());
		}
		return found;
	}

	/** Locks the member's row (if any) so concurrent changes are recorded one after another. */
	Optional<Preferences> lock(UUID programId, UUID memberId) {
		return jdbc.sql("""
				SELECT * FROM notifications.preferences WHERE program_id = :p AND member_id = :m FOR UPDATE""")
			.param("p", programId).param("m", memberId)
			.query(PreferenceStore::map)
			.optional();
	}

	void save(UUID programId, UUID memberId, Preferences p, Instant now) {
		List<String> disabled = p.categories().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
			.sorted().toList();
		jdbc.sql("""
				INSERT INTO notifications.preferences (program_id, member_id, email, locale, updated_at, email_enabled,
				  sms_enabled, push_enabled, in_app_enabled, disabled_categories, quiet_start, quiet_end, time_zone,
				  digest, daily_cap, push_tokens, telegram_chat_id)
				VALUES (:p, :m, :email, :locale, :now, :emailOn, :smsOn, :pushOn, :inAppOn,
				  CAST(:disabled AS text[]), :qs, :qe, :tz, :digest, :cap, CAST(:tokens AS text[]), :telegram)
				ON CONFLICT (program_id, member_id) DO UPDATE SET email = excluded.email, locale = excluded.locale,
				  updated_at = excluded.updated_at, email_enabled = excluded.email_enabled,
				  sms_enabled = excluded.sms_enabled, push_enabled = excluded.push_enabled,
				  in_app_enabled = excluded.in_app_enabled, disabled_categories = excluded.disabled_categories,
				  quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone,
				  digest = excluded.digest, daily_cap = excluded.daily_cap, push_tokens = excluded.push_tokens,
				  telegram_chat_id = excluded.telegram_chat_id""")
			.param("p", programId).param("m", memberId).param("email", p.contacts().email())
			.param("locale", p.locale()).param("now", Timestamp.from(now))
			.param("emailOn", p.channels().email()).param("smsOn", p.channels().sms())
			.param("pushOn", p.channels().push()).param("inAppOn", p.channels().inApp())
			.param("disabled", pgArray(disabled)).param("qs", p.quietHours().start())
			.param("qe", p.quietHours().end()).param("tz", p.timeZone()).param("digest", p.digest())
			.param("cap", p.dailyCap()).param("tokens", pgArray(p.contacts().pushTokens()))
			.param("telegram", p.contacts().telegramChatId())
			.update();
	}

	void recordChange(UUID programId, UUID memberId, String actor, @Nullable Preferences old, Preferences updated,
			Instant now) {
		jdbc.sql("""
				INSERT INTO notifications.preference_changes (id, program_id, member_id, changed_by, changed_at,
				  old_value, new_value)
				VALUES (:id, :p, :m, :actor, :now, CAST(:old AS jsonb), CAST(:new AS jsonb))""")
			.param("id", Ids.newId()).param("p", programId).param("m", memberId).param("actor", actor)
			.param("now", Timestamp.from(now)).param("old", old == null ? null : json.writeValueAsString(old))
			.param("new", json.writeValueAsString(updated))
			.update();
	}

	List<Change> changes(UUID programId, UUID memberId, int limit, int offset) {
		return jdbc.sql("""
				SELECT changed_by, changed_at, old_value, new_value FROM notifications.preference_changes
				WHERE program_id = :p AND member_id = :m ORDER BY changed_at DESC, id DESC LIMIT :l OFFSET :o""")
			.param("p", programId).param("m", memberId).param("l", limit).param("o", offset)
			.query((rs, n) -> new Change(rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("old_value") == null ? null : json.readValue(rs.getString("old_value"), Map.class),
					json.readValue(rs.getString("new_value"), Map.class)))
			.list();
	}

	long countChanges(UUID programId, UUID memberId) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.preference_changes WHERE program_id = :p AND member_id = :m""")
			.param("p", programId).param("m", memberId)
			.query(Long.class)
			.single();
	}

	static Map<String, Boolean> categories(List<String> disabled) {
		Map<String, Boolean> categories = new LinkedHashMap<>();
		Preferences.CATEGORIES.forEach(c -> categories.put(c, !disabled.contains(c)));
		return categories;
	}

	private static String pgArray(List<String> values) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			out.append(i == 0 ? "" : ",").append('"')
				.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	private static List<String> list(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Preferences map(ResultSet rs, int row) throws SQLException {
		return new Preferences(
				new Preferences.Channels(rs.getBoolean("email_enabled"), rs.getBoolean("sms_enabled"),
						rs.getBoolean("push_enabled"), rs.getBoolean("in_app_enabled")),
				categories(list(rs, "disabled_categories")),
				new Preferences.QuietHours(rs.getString("quiet_start"), rs.getString("quiet_end")),
				rs.getString("time_zone"), rs.getString("digest"), rs.getInt("daily_cap"),
				new Preferences.Addresses(rs.getString("email"), List.copyOf(list(rs, "push_tokens")),
						rs.getString("telegram_chat_id")),
				rs.getString("locale"));
	}
}
