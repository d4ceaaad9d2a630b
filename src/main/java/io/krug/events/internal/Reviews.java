package io.krug.events.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reviews of events by the members who attended them, once each, after the event. */
@Service
public class Reviews {

	private final JdbcClient jdbc;

	private final EventRepository events;

	private final RegistrationRepository registrations;

	private final IdentityApi identity;

	private final Clock clock;

	Reviews(JdbcClient jdbc, EventRepository events, RegistrationRepository registrations, IdentityApi identity,
			Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.registrations = registrations;
		this.identity = identity;
		this.clock = clock;
	}

	/** A review as shown: the reviewer's first name and initial (seed 003: "Анна С."). */
	public record Review(UUID id, UUID eventId, String userName, int rating, @Nullable String text, Instant createdAt) {
	}

	/** Average rating (two decimals) and count; the average is absent without reviews. */
	public record Summary(@Nullable BigDecimal averageRating, long reviewsCount) {
	}

	@Transactional
	public Review post(UUID eventId, UUID memberId, int rating, @Nullable String text) {
		Instant now = clock.instant();
		Event event = events.find(eventId).orElseThrow(() -> EventsError.EVENT_NOT_FOUND.exception("No event " + eventId + "."));
		if (event.endsAt().isAfter(now)) {
			throw EventsError.EVENT_NOT_OVER.exception("Reviews open when the event is over.");
		}
		boolean attended = registrations.live(eventId, memberId).map(r -> r.checkedInAt() != null).orElse(false);
		if (!attended) {
			throw EventsError.NOT_AN_ATTENDEE.exception("Only members who were checked in at the event may review it.");
		}
		UUID id = Ids.newId();
		String body = text == null || text.isBlank() ? null : text.strip();
		int inserted = jdbc.sql("""
				INSERT INTO events.reviews (id, program_id, event_id, member_id, rating, text, created_at)
				VALUES (:id, :p, :event, :member, :rating, :text, :at) ON CONFLICT (event_id, member_id) DO NOTHING""")
			.param("id", id)
			.param("p", program())
			.param("event", eventId)
			.param("member", memberId)
			.param("rating", rating)
			.param("text", body)
			.param("at", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			throw EventsError.ALREADY_REVIEWED.exception("You have reviewed this event already.");
		}
		return new Review(id, eventId, userName(memberId), rating, body, now);
	}

	/** The event's newest reviews. */
	@Transactional(readOnly = true)
	public List<Review> latest(UUID eventId, int limit) {
		record Row(UUID id, UUID member, int rating, @Nullable String text, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, member_id, rating, text, created_at FROM events.reviews
				WHERE program_id = :p AND event_id = :event ORDER BY created_at DESC, id DESC LIMIT :limit""")
			.param("p", program())
			.param("event", eventId)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
		return rows.stream().map(r -> new Review(r.id(), eventId, userName(r.member()), r.rating(), r.text(), r.at())).toList();
	}

	@Transactional(readOnly = true)
	public Summary ofEvent(UUID eventId) {
		return jdbc.sql("SELECT avg(rating), count(*) FROM events.reviews WHERE program_id = :p AND event_id = :event")
			.param("p", program())
			.param("event", eventId)
			.query((rs, n) -> summary(rs.getBigDecimal(1), rs.getLong(2)))
			.single();
	}

	/** All reviews of the events held at a business. */
	@Transactional(readOnly = true)
	public Summary ofBusiness(UUID businessId) {
		return jdbc.sql("""
				SELECT avg(r.rating), count(*) FROM events.reviews r JOIN events.events e ON e.id = r.event_id
				WHERE r.program_id = :p AND e.business_id = :business""")
			.param("p", program())
			.param("business", businessId)
			.query((rs, n) -> summary(rs.getBigDecimal(1), rs.getLong(2)))
			.single();
	}

	private static Summary summary(@Nullable BigDecimal average, long count) {
		return new Summary(average == null ? null : average.setScale(2, RoundingMode.HALF_EVEN), count);
	}

	private String userName(UUID memberId) {
		return identity.findMember(memberId).map(Reviews::shortName).orElse("Участница клуба");
	}

	static String shortName(MemberSummary member) {
		String first = member.firstName() == null || member.firstName().isBlank() ? "Участница" : member.firstName().strip();
		String last = member.lastName() == null || member.lastName().isBlank() ? "" : " " + member.lastName().strip().charAt(0) + ".";
		return first + last;
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
