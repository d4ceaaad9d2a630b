package io.krug.notifications.internal;

import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programs' own templates and their versions. */
@Repository
public class TemplateStore {

	private static final String CURRENT = """
			SELECT t.id, t.type, t.channel, t.locale, t.current_version, t.created_at, v.subject, v.text, v.html,
			       v.created_at AS published_at, v.created_by
			FROM notifications.templates t
			JOIN notifications.template_versions v ON v.template_id = t.id AND v.version = t.current_version
			""";

	private final JdbcClient jdbc;

	TemplateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A program's template at its current version. */
	public record Stored(UUID id, String type, String channel, String locale, int version, @Nullable String subject,
			String text, @Nullable String html, Instant createdAt, Instant publishedAt, String publishedBy) {

		Template template() {
			return new Template(type, channel, locale, subject, text, html);
		}
	}

	/** One published version of a template. */
	public record Version(int version, @Nullable String subject, String text, @Nullable String html,
			Instant createdAt, String createdBy) {
	}

	Optional<Stored> find(UUID programId, String type, String channel, String locale) {
		return jdbc.sql(CURRENT + "WHERE t.program_id = :p AND t.type = :type AND t.channel = :channel "
				+ "AND t.locale = :locale")
			.param("p", programId).param("type", type).param("channel", channel).param("locale", locale)
			.query(TemplateStore::map)
			.optional();
	}

	/** A program's templates of the given types at their current versions, in one query. */
	List<Stored> current(UUID programId, Collection<String> types) {
		if (types.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CURRENT + "WHERE t.program_id = :p AND t.type = ANY(CAST(:types AS text[]))")
			.param("p", programId).param("types", TextArrays.of(List.copyOf(types)))
			.query(TemplateStore::map)
			.list();
	}

	Optional<Stored> find(UUID programId, UUID id) {
		return jdbc.sql(CURRENT + "WHERE t.program_id = :p AND t.id = :id")
			.param("p", programId).param("id", id)
			.query(TemplateStore::map)
			.optional();
	}

	List<Stored> list(UUID programId, int limit, int offset) {
		return jdbc.sql(CURRENT + "WHERE t.program_id = :p ORDER BY t.type, t.channel, t.locale LIMIT :l OFFSET :o")
			.param("p", programId).param("l", limit).param("o", offset)
			.query(TemplateStore::map)
			.list();
	}

	long count(UUID programId) {
		return jdbc.sql("SELECT count(*) FROM notifications.templates WHERE program_id = :p")
			.param("p", programId)
			.query(Long.class)
			.single();
	}

	List<Version> versions(UUID programId, UUID id) {
		return jdbc.sql("""
				SELECT version, subject, text, html, created_at, created_by FROM notifications.template_versions
				WHERE program_id = :p AND template_id = :id ORDER BY version DESC""")
			.param("p", programId).param("id", id)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("subject"), rs.getString("text"),
					rs.getString("html"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	/** Creates a template at version 1; empty if one exists for the type, channel and locale. */
	Optional<UUID> create(UUID programId, Template t, String actor, Instant now) {
		UUID id = Ids.newId();
		int inserted = jdbc.sql("""
				INSERT INTO notifications.templates (id, program_id, type, channel, locale, current_version,
				  created_at)
				VALUES (:id, :p, :type, :channel, :locale, 1, :now) ON CONFLICT DO NOTHING""")
			.param("id", id).param("p", programId).param("type", t.type()).param("channel", t.channel())
			.param("locale", t.locale()).param("now", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		insertVersion(programId, id, 1, t, actor, now);
		return Optional.of(id);
	}

	/** Publishes a new version (the row lock serializes concurrent publishers); returns its number. */
	Optional<Integer> publish(UUID programId, UUID id, Template t, String actor, Instant now) {
		Optional<Integer> version = jdbc.sql("""
				UPDATE notifications.templates SET current_version = current_version + 1
				WHERE program_id = :p AND id = :id RETURNING current_version""")
			.param("p", programId).param("id", id)
			.query(Integer.class)
			.optional();
		version.ifPresent(v -> insertVersion(programId, id, v, t, actor, now));
		return version;
	}

	boolean delete(UUID programId, UUID id) {
		return jdbc.sql("DELETE FROM notifications.templates WHERE program_id = :p AND id = :id")
			.param("p", programId).param("id", id)
			.update() == 1;
	}

	private void insertVersion(UUID programId, UUID id, int version, Template t, String actor, Instant now) {
		jdbc.sql("""
				INSERT INTO notifications.template_versions (id, program_id, template_id, version, subject, text, html,
				  created_at, created_by)
				VALUES (:vid, :p, :id, :version, :subject, :text, :html, :now, :actor)""")
			.param("vid", Ids.newId()).param("p", programId).param("id", id).param("version", version)
			.param("subject", t.subject()).param("text", t.text()).param("html", t.html())
			.param("now", Timestamp.from(now)).param("actor", actor)
			.update();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("channel"),
				rs.getString("locale"), rs.getInt("current_version"), rs.getString("subject"), rs.getString("text"),
				rs.getString("html"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("published_at").toInstant(), rs.getString("created_by"));
	}
}
