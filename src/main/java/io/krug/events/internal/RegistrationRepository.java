package io.krug.events.internal;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
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

/** SQL of registrations and their log. Changes happen with the event's row locked (see {@link Registrations}). */
@Repository
class RegistrationRepository {

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a live registration; {@code false} when the member already holds one for the event. */
	boolean insert(UUID id, UUID event, UUID member, RegistrationStatus status, boolean plusOne,
			@Nullable String dietary, String ticketCode, String actor, Instant at) {
		return jdbc.sql("""
				INSERT INTO events.registrations (id, program_id, event_id, member_id, status, plus_one, seats,
				  dietary_restrictions, ticket_code, registered_by, registered_at)
				VALUES (:id, :p, :event, :member, :status, :plusOne, :seats, :dietary, :code, :actor, :at)
				ON CONFLICT (event_id, member_id) WHERE status <> 'cancelled' DO NOTHING""")
			.param("id", id)
			.param("p", program())
			.param("event", event)
			.param("member", member)
			.param("status", status.key())
			.param("plusOne", plusOne)
			.param("seats", plusOne ? 2 : 1)
			.param("dietary", dietary)
			.param("code", ticketCode)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void paid(UUID id, BigDecimal amount, UUID spendTransaction) {
		jdbc.sql("""
				UPDATE events.registrations SET paid_amount = :amount, spend_transaction_id = :tx
				WHERE id = :id AND program_id = :p""")
			.param("amount", amount)
			.param("tx", spendTransaction)
			.param("id", id)
			.param("p", program())
			.update();
	}

	void cancel(UUID id, String reason, Instant at, BigDecimal refunded, @Nullable UUID refundTransaction) {
		jdbc.sql("""
				UPDATE events.registrations SET status = 'cancelled', cancelled_at = :at, cancel_reason = :reason,
				  refunded_amount = :refunded, refund_transaction_id = :tx
				WHERE id = :id AND program_id = :p AND status <> 'cancelled'""")
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("refunded", refunded)
			.param("tx", refundTransaction)
			.param("id", id)
			.param("p", program())
			.update();
	}

	/** Gives a waitlisted registration its seat; {@code false} if it was no longer waiting. */
	boolean promote(UUID id, Instant at) {
		return jdbc.sql("""
				UPDATE events.registrations SET status = 'confirmed', promoted_at = :at
				WHERE id = :id AND program_id = :p AND status = 'waitlist'""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("p", program())
			.update() == 1;
	}

	/** Marks the attendance; {@code false} when the registration was checked in already. */
	boolean checkIn(UUID id, String actor, Instant at) {
		return jdbc.sql("""
				UPDATE events.registrations SET checked_in_at = :at, checked_in_by = :actor
				WHERE id = :id AND program_id = :p AND status = 'confirmed' AND checked_in_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("id", id)
			.param("p", program())
			.update() == 1;
	}

	void log(UUID registration, UUID event, String action, String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO events.registration_log (program_id, registration_id, event_id, action, actor, at)
				VALUES (:p, :r, :e, :action, :actor, :at)""")
			.param("p", program())
			.param("r", registration)
			.param("e", event)
			.param("action", action)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Registration> live(UUID event, UUID member) {
		return jdbc.sql("""
				SELECT * FROM events.registrations
				WHERE program_id = :p AND event_id = :event AND member_id = :member AND status <> 'cancelled'""")
			.param("p", program())
			.param("event", event)
			.param("member", member)
			.query(RegistrationRepository::map)
			.optional();
	}

	Optional<Registration> find(UUID id) {
		return jdbc.sql("SELECT * FROM events.registrations WHERE program_id = :p AND id = :id")
			.param("p", program())
			.param("id", id)
			.query(RegistrationRepository::map)
			.optional();
	}

	Optional<Registration> byTicket(UUID event, String code) {
		return jdbc.sql("SELECT * FROM events.registrations WHERE program_id = :p AND event_id = :e AND ticket_code = :c")
			.param("p", program())
			.param("e", event)
			.param("c", code)
			.query(RegistrationRepository::map)
			.optional();
	}

	/** The event's waitlist in order. */
	List<Registration> waitlist(UUID event) {
		return jdbc.sql("""
				SELECT * FROM events.registrations
				WHERE program_id = :p AND event_id = :event AND status = 'waitlist' ORDER BY seq""")
			.param("p", program())
			.param("event", event)
			.query(RegistrationRepository::map)
			.list();
	}

	/** The event's live registrations in order of registration. */
	List<Registration> liveOf(UUID event) {
		return jdbc.sql("""
				SELECT * FROM events.registrations
				WHERE program_id = :p AND event_id = :event AND status <> 'cancelled' ORDER BY seq""")
			.param("p", program())
			.param("event", event)
			.query(RegistrationRepository::map)
			.list();
	}

	List<Registration> of(UUID event, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM events.registrations WHERE program_id = :p AND event_id = :event
				ORDER BY seq LIMIT :limit OFFSET :offset""")
			.param("p", program())
			.param("event", event)
			.param("limit", limit)
			.param("offset", offset)
			.query(RegistrationRepository::map)
			.list();
	}

	long count(UUID event) {
		return jdbc.sql("SELECT count(*) FROM events.registrations WHERE program_id = :p AND event_id = :event")
			.param("p", program())
			.param("event", event)
			.query(Long.class)
			.single();
	}

	long attended(UUID member) {
		return jdbc.sql("""
				SELECT count(*) FROM events.registrations
				WHERE program_id = :p AND member_id = :member AND checked_in_at IS NOT NULL""")
			.param("p", program())
			.param("member", member)
			.query(Long.class)
			.single();
	}

	/** The member's confirmed registrations' events, soonest first. */
	List<UUID> confirmedEvents(UUID member) {
		return jdbc.sql("""
				SELECT r.event_id FROM events.registrations r JOIN events.events e ON e.id = r.event_id
				WHERE r.program_id = :p AND r.member_id = :member AND r.status = 'confirmed'
				ORDER BY e.starts_at, e.id""")
			.param("p", program())
			.param("member", member)
			.query(UUID.class)
			.list();
	}

	static Registration map(ResultSet rs, int row) throws SQLException {
		return new Registration(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getLong("seq"),
				Keys.parse(RegistrationStatus.class, rs.getString("status")), rs.getBoolean("plus_one"),
				rs.getInt("seats"), rs.getString("dietary_restrictions"), rs.getString("ticket_code"),
				rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
				EventRepository.instant(rs, "promoted_at"), EventRepository.instant(rs, "cancelled_at"),
				rs.getString("cancel_reason"), rs.getBigDecimal("paid_amount"),
				rs.getObject("spend_transaction_id", UUID.class), rs.getBigDecimal("refunded_amount"),
				EventRepository.instant(rs, "checked_in_at"));
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
