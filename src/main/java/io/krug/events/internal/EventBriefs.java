package io.krug.events.internal;

import io.krug.events.EventsApi.ConfirmedSeat;
import io.krug.events.EventsApi.EventBrief;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of events and seats for other modules (reminders, notifications), in the current program. */
@Repository
class EventBriefs {

	private final JdbcClient jdbc;

	EventBriefs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EventBrief> find(UUID eventId) {
		return jdbc.sql("""
				SELECT id, title, starts_at, location_address, organizer_name FROM events.events
				WHERE program_id = :p AND id = :id""")
			.param("p", TenantContext.require().value())
			.param("id", eventId)
			.query(EventBriefs::brief)
			.optional();
	}

	Optional<String> proposalTitle(UUID proposalId) {
		return jdbc.sql("SELECT title FROM events.proposals WHERE program_id = :p AND id = :id")
			.param("p", TenantContext.require().value())
			.param("id", proposalId)
			.query(String.class)
			.optional();
	}

	List<ConfirmedSeat> confirmedStartingBetween(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT r.id AS registration_id, r.member_id, coalesce(r.promoted_at, r.registered_at) AS confirmed_at,
				  e.id, e.title, e.starts_at, e.location_address, e.organizer_name
				FROM events.registrations r JOIN events.events e ON e.id = r.event_id
				WHERE r.program_id = :p AND r.status = 'confirmed' AND e.cancelled_at IS NULL
				  AND e.starts_at >= :from AND e.starts_at < :to
				ORDER BY e.starts_at, r.id""")
			.param("p", TenantContext.require().value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new ConfirmedSeat(rs.getObject("registration_id", UUID.class),
					rs.getObject("member_id", UUID.class), brief(rs, n),
					rs.getTimestamp("confirmed_at").toInstant()))
			.list();
	}

	private static EventBrief brief(ResultSet rs, int row) throws SQLException {
		return new EventBrief(rs.getObject("id", UUID.class), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("location_address"),
				rs.getString("organizer_name"));
	}
}
