package io.krug.events.internal;

import io.krug.identity.MemberStatus;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of {@code events.events}; the program comes from the {@link TenantContext}. */
@Repository
class EventRepository {

	private static final TypeReference<List<ProgramItem>> PROGRAM = new TypeReference<>() {
	};

	private static final TypeReference<List<Speaker>> SPEAKERS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EventRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Event e) {
		jdbc.sql("""
				INSERT INTO events.events (id, program_id, title, description, full_description, type, format, price,
				  starts_at, ends_at, business_id, location_address, capacity, seats_taken, min_status, cover_image_url,
				  program, speakers, what_to_bring, gallery, organizer_type, organizer_name, allow_plus_one,
				  refund_cutoff_hours, proposal_id, created_by, created_at, updated_at)
				VALUES (:id, :program_id, :title, :description, :full_description, :type, :format, :price, :starts_at,
				  :ends_at, :business_id, :location_address, :capacity, 0, :min_status, :cover_image_url,
				  CAST(:program AS jsonb), CAST(:speakers AS jsonb), CAST(:what_to_bring AS jsonb),
				  CAST(:gallery AS jsonb), :organizer_type, :organizer_name, :allow_plus_one, :refund_cutoff_hours,
				  :proposal_id, :created_by, :created_at, :updated_at)""")
			.params(params(e))
			.update();
	}

	/** Writes every editable column of the event (not its seats, which only registrations move). */
	void update(Event e) {
		jdbc.sql("""
				UPDATE events.events SET title = :title, description = :description,
				  full_description = :full_description, type = :type, format = :format, price = :price,
				  starts_at = :starts_at, ends_at = :ends_at, business_id = :business_id,
				  location_address = :location_address, capacity = :capacity, min_status = :min_status,
				  cover_image_url = :cover_image_url, program = CAST(:program AS jsonb),
				  speakers = CAST(:speakers AS jsonb), what_to_bring = CAST(:what_to_bring AS jsonb),
				  gallery = CAST(:gallery AS jsonb), organizer_type = :organizer_type,
				  organizer_name = :organizer_name, allow_plus_one = :allow_plus_one,
				  refund_cutoff_hours = :refund_cutoff_hours, updated_at = :updated_at
				WHERE id = :id AND program_id = :program_id""")
			.params(params(e))
			.update();
	}

	void cancel(UUID id, String reason, Instant at) {
		jdbc.sql("""
				UPDATE events.events SET cancelled_at = :at, cancel_reason = :reason, updated_at = :at
				WHERE id = :id AND program_id = :p""")
			.param("id", id)
			.param("p", program())
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	void addSeats(UUID id, int seats) {
		jdbc.sql("UPDATE events.events SET seats_taken = seats_taken + :seats WHERE id = :id AND program_id = :p")
			.param("seats", seats)
			.param("id", id)
			.param("p", program())
			.update();
	}

	Optional<Event> find(UUID id) {
		return jdbc.sql("SELECT * FROM events.events WHERE id = :id AND program_id = :p")
			.param("id", id)
			.param("p", program())
			.query(this::map)
			.optional();
	}

	/** The event, its row locked until the transaction ends: registrations of one event happen one at a time. */
	Optional<Event> lock(UUID id) {
		return jdbc.sql("SELECT * FROM events.events WHERE id = :id AND program_id = :p FOR UPDATE")
			.param("id", id)
			.param("p", program())
			.query(this::map)
			.optional();
	}

	/** Events that started by {@code now}, are not cancelled, and still have members waiting for a seat. */
	List<UUID> startedWithWaitlist(Instant now) {
		return jdbc.sql("""
				SELECT e.id FROM events.events e
				WHERE e.program_id = :p AND e.starts_at <= :now AND e.cancelled_at IS NULL
				  AND EXISTS (SELECT 1 FROM events.registrations r WHERE r.event_id = e.id AND r.status = 'waitlist')
				ORDER BY e.starts_at, e.id""")
			.param("p", program())
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	Event map(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getString("full_description"), rs.getString("type"),
				Keys.parse(EventFormat.class, rs.getString("format")), rs.getBigDecimal("price"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getObject("business_id", UUID.class), rs.getString("location_address"), rs.getInt("capacity"),
				rs.getInt("seats_taken"), MemberStatus.fromKey(rs.getString("min_status")),
				rs.getString("cover_image_url"), json.readValue(rs.getString("program"), PROGRAM),
				json.readValue(rs.getString("speakers"), SPEAKERS),
				json.readValue(rs.getString("what_to_bring"), STRINGS), json.readValue(rs.getString("gallery"), STRINGS),
				rs.getString("organizer_type"), rs.getString("organizer_name"), rs.getBoolean("allow_plus_one"),
				rs.getInt("refund_cutoff_hours"), rs.getObject("proposal_id", UUID.class), instant(rs, "cancelled_at"),
				rs.getString("cancel_reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private java.util.Map<String, Object> params(Event e) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("id", e.id());
		p.put("program_id", program());
		p.put("title", e.title());
		p.put("description", e.description());
		p.put("full_description", e.fullDescription());
		p.put("type", e.type());
		p.put("format", e.format().key());
		p.put("price", e.price());
		p.put("starts_at", Timestamp.from(e.startsAt()));
		p.put("ends_at", Timestamp.from(e.endsAt()));
		p.put("business_id", e.businessId());
		p.put("location_address", e.locationAddress());
		p.put("capacity", e.capacity());
		p.put("min_status", e.minStatus().key());
		p.put("cover_image_url", e.coverImageUrl());
		p.put("program", json.writeValueAsString(e.program()));
		p.put("speakers", json.writeValueAsString(e.speakers()));
		p.put("what_to_bring", json.writeValueAsString(e.whatToBring()));
		p.put("gallery", json.writeValueAsString(e.gallery()));
		p.put("organizer_type", e.organizerType());
		p.put("organizer_name", e.organizerName());
		p.put("allow_plus_one", e.allowPlusOne());
		p.put("refund_cutoff_hours", e.refundCutoffHours());
		p.put("proposal_id", e.proposalId());
		p.put("created_by", e.createdBy());
		p.put("created_at", Timestamp.from(e.createdAt()));
		p.put("updated_at", Timestamp.from(e.updatedAt()));
		return p;
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
