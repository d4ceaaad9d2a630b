package io.krug.events.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberStatus;
import io.krug.identity.MemberSummary;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists and shows events to members and staff, with the calling member's registration. */
@Service
public class EventCatalog {

	/** Stands for "no member" in queries that join the caller's registration. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final EventRepository events;

	private final IdentityApi identity;

	private final PartnersApi partners;

	private final ProgramZone zones;

	private final Clock clock;

	EventCatalog(JdbcClient jdbc, EventRepository events, IdentityApi identity, PartnersApi partners, ProgramZone zones,
			Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.identity = identity;
		this.partners = partners;
		this.zones = zones;
		this.clock = clock;
	}

	/**
	 * A page of events and what showing them needs.
	 *
	 * @param memberStatus the calling member's status; {@code null} for staff
	 */
	public record Listing(List<EventListing> items, long total, ZoneId zone, Map<UUID, String> businessNames,
			@Nullable MemberStatus memberStatus, Instant now) {
	}

	/** Events for a member ({@code memberId}) or, with {@code null}, for staff. */
	@Transactional(readOnly = true)
	public Listing list(EventFilter filter, @Nullable UUID memberId) {
		Instant now = clock.instant();
		ZoneId zone = zones.zone();
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, now, zone, params);
		params.put("p", TenantContext.require().value());
		params.put("member", memberId == null ? NOBODY : memberId);
		String order = "past".equals(filter.status()) ? "e.starts_at DESC, e.id DESC" : "e.starts_at, e.id";
		List<EventListing> items = jdbc.sql("""
				SELECT e.*, my.status AS my_status, my.id AS my_id,
				  (SELECT count(*) FROM events.registrations w WHERE w.event_id = e.id AND w.status = 'waitlist') AS waiting
				FROM events.events e
				LEFT JOIN events.registrations my ON my.event_id = e.id AND my.member_id = :member
				  AND my.status <> 'cancelled'
				WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(where, order))
			.params(params)
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(this::listing)
			.list();
		long total = jdbc.sql("""
				SELECT count(*) FROM events.events e
				LEFT JOIN events.registrations my ON my.event_id = e.id AND my.member_id = :member
				  AND my.status <> 'cancelled'
				WHERE %s""".formatted(where)).params(params).query(Long.class).single();
		return new Listing(items, total, zone, names(items), status(memberId), now);
	}

	/** One event for a member ({@code memberId}) or staff ({@code null}). */
	@Transactional(readOnly = true)
	public Listing one(UUID eventId, @Nullable UUID memberId) {
		Instant now = clock.instant();
		EventListing item = jdbc.sql("""
				SELECT e.*, my.status AS my_status, my.id AS my_id,
				  (SELECT count(*) FROM events.registrations w WHERE w.event_id = e.id AND w.status = 'waitlist') AS waiting
				FROM events.events e
				LEFT JOIN events.registrations my ON my.event_id = e.id AND my.member_id = :member
				  AND my.status <> 'cancelled'
				WHERE e.program_id = :p AND e.id = :id""")
			.param("p", TenantContext.require().value())
			.param("member", memberId == null ? NOBODY : memberId)
			.param("id", eventId)
			.query(this::listing)
			.optional()
			.orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
		return new Listing(List.of(item), 1, zones.zone(), names(List.of(item)), status(memberId), now);
	}

	/** The event or a 404. */
	@Transactional(readOnly = true)
	public Event get(UUID eventId) {
		return events.find(eventId).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
	}

	private EventListing listing(ResultSet rs, int row) throws SQLException {
		String mine = rs.getString("my_status");
		return new EventListing(events.map(rs, row), rs.getLong("waiting"),
				mine == null ? null : Keys.parse(RegistrationStatus.class, mine), rs.getObject("my_id", UUID.class));
	}

	private static String where(EventFilter filter, Instant now, ZoneId zone, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("e.program_id = :p");
		params.put("now", Timestamp.from(now));
		switch (filter.status()) {
			case "upcoming" -> where.append(" AND e.cancelled_at IS NULL AND e.ends_at > :now");
			case "past" -> where.append(" AND e.cancelled_at IS NULL AND e.ends_at <= :now");
			case "cancelled" -> where.append(" AND e.cancelled_at IS NOT NULL");
			default -> {
			}
		}
		if (filter.format() != null) {
			where.append(" AND e.format = :format");
			params.put("format", filter.format());
		}
		if (filter.businessId() != null) {
			where.append(" AND e.business_id = :business");
			params.put("business", filter.businessId());
		}
		if (filter.from() != null) {
			where.append(" AND e.starts_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND e.starts_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (filter.registered()) {
			where.append(" AND my.id IS NOT NULL");
		}
		return where.toString();
	}

	private Map<UUID, String> names(List<EventListing> items) {
		List<UUID> ids = items.stream().map(i -> i.event().businessId()).filter(Objects::nonNull).distinct().toList();
		return ids.isEmpty() ? Map.of() : partners.businessNames(ids);
	}

	private @Nullable MemberStatus status(@Nullable UUID memberId) {
		return memberId == null ? null : identity.findMember(memberId).map(MemberSummary::status).orElse(null);
	}
}
