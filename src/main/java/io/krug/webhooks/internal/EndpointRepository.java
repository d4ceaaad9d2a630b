package io.krug.webhooks.internal;

import io.krug.platform.crypto.SecretBox;
import io.krug.platform.tenancy.ProgramId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code webhooks.endpoints} table. Secrets and custom headers are sealed with the {@link SecretBox}. A
 * {@code member} argument confines a query to that member's endpoints; {@code null} means all of the program's.
 */
@Repository
class EndpointRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCOPE = " AND (CAST(:member AS uuid) IS NULL OR owner_member_id = :member)";

	private final JdbcClient jdbc;

	private final SecretBox box;

	EndpointRepository(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	/** An endpoint and its sealed secrets, as delivery and rotation need them. */
	record Secrets(String secret, @Nullable String previousSecret, @Nullable Instant previousExpiresAt) {
	}

	void insert(ProgramId program, Endpoint e, String secret) {
		jdbc.sql("""
				INSERT INTO webhooks.endpoints (id, program_id, owner_member_id, url, description, event_types,
				  active, ordered, rate_limit_per_second, headers, secret, created_by, created_at, updated_at)
				VALUES (:id, :program, :member, :url, :description, :types, :active, :ordered, :rate, :headers,
				  :secret, :createdBy, :createdAt, :updatedAt)""")
			.param("id", e.id())
			.param("program", program.value())
			.param("member", e.ownerMemberId(), Types.OTHER)
			.param("url", e.url())
			.param("description", e.description(), Types.VARCHAR)
			.param("types", e.eventTypes().toArray(String[]::new), Types.ARRAY)
			.param("active", e.active())
			.param("ordered", e.ordered())
			.param("rate", e.rateLimitPerSecond(), Types.INTEGER)
			.param("headers", sealHeaders(e.headers()), Types.VARCHAR)
			.param("secret", box.encrypt(secret))
			.param("createdBy", e.createdBy())
			.param("createdAt", Timestamp.from(e.createdAt()))
			.param("updatedAt", Timestamp.from(e.updatedAt()))
			.update();
	}

	Optional<Endpoint> find(ProgramId program, UUID id, @Nullable UUID member, boolean lock) {
		return jdbc.sql("SELECT * FROM webhooks.endpoints WHERE program_id = :program AND id = :id" + SCOPE
				+ (lock ? " FOR UPDATE" : ""))
			.param("program", program.value())
			.param("id", id)
			.param("member", member, Types.OTHER)
			.query(this::map)
			.optional();
	}

	WebhookPage<Endpoint> page(ProgramId program, @Nullable UUID member, int limit, int offset) {
		long total = jdbc.sql("SELECT count(*) FROM webhooks.endpoints WHERE program_id = :program" + SCOPE)
			.param("program", program.value())
			.param("member", member, Types.OTHER)
			.query(Long.class)
			.single();
		List<Endpoint> items = jdbc.sql("SELECT * FROM webhooks.endpoints WHERE program_id = :program" + SCOPE
				+ " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
			.param("program", program.value())
			.param("member", member, Types.OTHER)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
		return new WebhookPage<>(items, total);
	}

	long countOwnedBy(ProgramId program, UUID member) {
		return jdbc.sql("SELECT count(*) FROM webhooks.endpoints WHERE program_id = :program AND owner_member_id = :m")
			.param("program", program.value())
			.param("m", member)
			.query(Long.class)
			.single();
	}

	void update(ProgramId program, Endpoint e) {
		jdbc.sql("""
				UPDATE webhooks.endpoints SET url = :url, description = :description, event_types = :types,
				  active = :active, ordered = :ordered, rate_limit_per_second = :rate, headers = :headers,
				  failing_since = :failingSince, disabled_at = :disabledAt, disabled_reason = :disabledReason,
				  updated_at = :updatedAt
				WHERE program_id = :program AND id = :id""")
			.param("program", program.value())
			.param("id", e.id())
			.param("url", e.url())
			.param("description", e.description(), Types.VARCHAR)
			.param("types", e.eventTypes().toArray(String[]::new), Types.ARRAY)
			.param("active", e.active())
			.param("ordered", e.ordered())
			.param("rate", e.rateLimitPerSecond(), Types.INTEGER)
			.param("headers", sealHeaders(e.headers()), Types.VARCHAR)
			.param("failingSince", timestamp(e.failingSince()), Types.TIMESTAMP)
			.param("disabledAt", timestamp(e.disabledAt()), Types.TIMESTAMP)
			.param("disabledReason", e.disabledReason(), Types.VARCHAR)
			.param("updatedAt", Timestamp.from(e.updatedAt()))
			.update();
	}

	Secrets secrets(ProgramId program, UUID id) {
		return jdbc.sql("""
				SELECT secret, previous_secret, previous_secret_expires_at FROM webhooks.endpoints
				WHERE program_id = :program AND id = :id""")
			.param("program", program.value())
			.param("id", id)
			.query((rs, n) -> new Secrets(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))))
			.single();
	}

	/** Makes {@code secret} current and keeps the current one valid until {@code previousExpiresAt}. */
	void rotate(ProgramId program, UUID id, String secret, Instant previousExpiresAt, Instant now) {
		jdbc.sql("""
				UPDATE webhooks.endpoints SET previous_secret = secret, previous_secret_expires_at = :expires,
				  secret = :secret, updated_at = :now
				WHERE program_id = :program AND id = :id""")
			.param("program", program.value())
			.param("id", id)
			.param("secret", box.encrypt(secret))
			.param("expires", Timestamp.from(previousExpiresAt))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Deletes endpoints with their messages and attempts (the event log stays). */
	int delete(ProgramId program, List<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		for (String table : List.of("attempts", "messages")) {
			jdbc.sql("DELETE FROM webhooks." + table + " WHERE program_id = :program AND endpoint_id IN (:ids)")
				.param("program", program.value())
				.param("ids", ids)
				.update();
		}
		return jdbc.sql("DELETE FROM webhooks.endpoints WHERE program_id = :program AND id IN (:ids)")
			.param("program", program.value())
			.param("ids", ids)
			.update();
	}

	List<UUID> ownedBy(ProgramId program, UUID member) {
		return jdbc.sql("SELECT id FROM webhooks.endpoints WHERE program_id = :program AND owner_member_id = :m")
			.param("program", program.value())
			.param("m", member)
			.query(UUID.class)
			.list();
	}

	private Endpoint map(ResultSet rs, int row) throws SQLException {
		Integer rate = rs.getObject("rate_limit_per_second", Integer.class);
		return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("owner_member_id", UUID.class),
				rs.getString("url"), rs.getString("description"), strings(rs.getArray("event_types")),
				rs.getBoolean("active"), rs.getBoolean("ordered"), rate, openHeaders(rs.getString("headers")),
				instant(rs.getTimestamp("previous_secret_expires_at")), instant(rs.getTimestamp("failing_since")),
				instant(rs.getTimestamp("disabled_at")), rs.getString("disabled_reason"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private @Nullable String sealHeaders(Map<String, String> headers) {
		return headers.isEmpty() ? null : box.encrypt(JSON.writeValueAsString(headers));
	}

	Map<String, String> openHeaders(@Nullable String sealed) {
		return sealed == null ? Map.of()
				: JSON.readValue(box.decrypt(sealed), new TypeReference<LinkedHashMap<String, String>>() {
				});
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
