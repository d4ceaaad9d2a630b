package io.krug.events.internal;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of proposals and their votes. */
@Repository
class ProposalRepository {

	private static final TypeReference<List<ProgramItem>> PROGRAM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProposalRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A member's vote on a proposal. */
	record Vote(boolean yes, BigDecimal weight) {
	}

	void insert(Proposal p) {
		jdbc.sql("""
				INSERT INTO events.proposals (id, program_id, member_id, title, description, type, preferred_date,
				  location_preference, business_id, budget_per_person, max_participants, program, visibility, status,
				  voting_ends_at, voting_month, created_at)
				VALUES (:id, :p, :member, :title, :description, :type, :preferred, :location, :business, :budget,
				  :max, CAST(:program AS jsonb), :visibility, 'voting', :ends, :month, :at)""")
			.param("id", p.id())
			.param("p", program())
			.param("member", p.memberId())
			.param("title", p.title())
			.param("description", p.description())
			.param("type", p.type())
			.param("preferred", p.preferredDate() == null ? null : Date.valueOf(p.preferredDate()))
			.param("location", p.locationPreference())
			.param("business", p.businessId())
			.param("budget", p.budgetPerPerson())
			.param("max", p.maxParticipants())
			.param("program", json.writeValueAsString(p.program()))
			.param("visibility", p.visibility().key())
			.param("ends", Timestamp.from(p.votingEndsAt()))
			.param("month", Date.valueOf(p.votingMonth()))
			.param("at", Timestamp.from(p.createdAt()))
			.update();
	}

	Optional<Proposal> find(UUID id) {
		return jdbc.sql("SELECT * FROM events.proposals WHERE program_id = :p AND id = :id")
			.param("p", program())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** The proposal, locked against decisions and vetoes ({@code share}) or for one ({@code !share}). */
	Optional<Proposal> lock(UUID id, boolean share) {
		return jdbc.sql("SELECT * FROM events.proposals WHERE program_id = :p AND id = :id FOR " + (share ? "SHARE" : "UPDATE"))
			.param("p", program())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Proposals of the given visibilities, or the viewer's own, newest first. */
	List<Proposal> list(@Nullable String status, Collection<String> visibilities, UUID viewer, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM events.proposals
				WHERE program_id = :p AND (CAST(:status AS text) IS NULL OR status = :status)
				  AND (visibility IN (:visibilities) OR member_id = :viewer)
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("p", program())
			.param("status", status)
			.param("visibilities", visibilities)
			.param("viewer", viewer)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	long count(@Nullable String status, Collection<String> visibilities, UUID viewer) {
		return jdbc.sql("""
				SELECT count(*) FROM events.proposals
				WHERE program_id = :p AND (CAST(:status AS text) IS NULL OR status = :status)
				  AND (visibility IN (:visibilities) OR member_id = :viewer)""")
			.param("p", program())
			.param("status", status)
			.param("visibilities", visibilities)
			.param("viewer", viewer)
			.query(Long.class)
			.single();
	}

	/** Voting proposals whose voting ends in the given month, locked for the decision. */
	List<Proposal> lockVotingOf(LocalDate month) {
		return jdbc.sql("""
				SELECT * FROM events.proposals WHERE program_id = :p AND status = 'voting' AND voting_month = :month
				ORDER BY created_at, id FOR UPDATE""")
			.param("p", program())
			.param("month", Date.valueOf(month))
			.query(this::map)
			.list();
	}

	/** Months (first days) before {@code month} that still have proposals in voting. */
	List<LocalDate> undecidedMonthsBefore(LocalDate month) {
		return jdbc.sql("""
				SELECT DISTINCT voting_month FROM events.proposals
				WHERE program_id = :p AND status = 'voting' AND voting_month < :month ORDER BY voting_month""")
			.param("p", program())
			.param("month", Date.valueOf(month))
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.list();
	}

	void decide(UUID id, ProposalStatus status, String decision, Instant at) {
		jdbc.sql("""
				UPDATE events.proposals SET status = :status, decision = :decision, decided_at = :at
				WHERE program_id = :p AND id = :id""")
			.param("status", status.key())
			.param("decision", decision)
			.param("at", Timestamp.from(at))
			.param("p", program())
			.param("id", id)
			.update();
	}

	void veto(UUID id, UUID member, String reason, Instant at) {
		jdbc.sql("""
				UPDATE events.proposals SET status = 'rejected', decision = 'vetoed', decided_at = :at,
				  vetoed_by = :member, veto_reason = :reason
				WHERE program_id = :p AND id = :id""")
			.param("at", Timestamp.from(at))
			.param("member", member)
			.param("reason", reason)
			.param("p", program())
			.param("id", id)
			.update();
	}

	void realized(UUID id, UUID eventId) {
		jdbc.sql("UPDATE events.proposals SET status = 'realized', event_id = :event WHERE program_id = :p AND id = :id")
			.param("event", eventId)
			.param("p", program())
			.param("id", id)
			.update();
	}

	void vote(UUID proposal, UUID member, boolean yes, BigDecimal weight, String status, Instant at) {
		jdbc.sql("""
				INSERT INTO events.proposal_votes (program_id, proposal_id, member_id, vote, weight, member_status, voted_at)
				VALUES (:p, :proposal, :member, :vote, :weight, :status, :at)
				ON CONFLICT (proposal_id, member_id) DO UPDATE SET vote = EXCLUDED.vote, weight = EXCLUDED.weight,
				  member_status = EXCLUDED.member_status, voted_at = EXCLUDED.voted_at""")
			.param("p", program())
			.param("proposal", proposal)
			.param("member", member)
			.param("vote", yes ? "yes" : "no")
			.param("weight", weight)
			.param("status", status)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Scores of the given proposals in one query; those without votes are absent. */
	Map<UUID, Score> scores(Collection<UUID> proposals) {
		Map<UUID, Score> scores = new HashMap<>();
		if (proposals.isEmpty()) {
			return scores;
		}
		jdbc.sql("""
				SELECT proposal_id, count(*) FILTER (WHERE vote = 'yes') AS yes, count(*) FILTER (WHERE vote = 'no') AS no,
				  coalesce(sum(weight) FILTER (WHERE vote = 'yes'), 0) AS wy,
				  coalesce(sum(weight) FILTER (WHERE vote = 'no'), 0) AS wn
				FROM events.proposal_votes WHERE program_id = :p AND proposal_id IN (:ids) GROUP BY proposal_id""")
			.param("p", program())
			.param("ids", proposals)
			.query(rs -> {
				scores.put(rs.getObject("proposal_id", UUID.class), new Score(rs.getLong("yes"), rs.getLong("no"),
						rs.getBigDecimal("wy"), rs.getBigDecimal("wn")));
			});
		return scores;
	}

	/** The member's votes on the given proposals. */
	Map<UUID, Vote> votesOf(UUID member, Collection<UUID> proposals) {
		Map<UUID, Vote> votes = new HashMap<>();
		if (proposals.isEmpty()) {
			return votes;
		}
		jdbc.sql("""
				SELECT proposal_id, vote, weight FROM events.proposal_votes
				WHERE program_id = :p AND member_id = :member AND proposal_id IN (:ids)""")
			.param("p", program())
			.param("member", member)
			.param("ids", proposals)
			.query(rs -> {
				votes.put(rs.getObject(1, UUID.class), new Vote("yes".equals(rs.getString(2)), rs.getBigDecimal(3)));
			});
		return votes;
	}

	private Proposal map(ResultSet rs, int row) throws SQLException {
		Date preferred = rs.getDate("preferred_date");
		return new Proposal(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("title"),
				rs.getString("description"), rs.getString("type"), preferred == null ? null : preferred.toLocalDate(),
				rs.getString("location_preference"), rs.getObject("business_id", UUID.class),
				rs.getBigDecimal("budget_per_person"), rs.getObject("max_participants", Integer.class),
				json.readValue(rs.getString("program"), PROGRAM), Keys.parse(Visibility.class, rs.getString("visibility")),
				Keys.parse(ProposalStatus.class, rs.getString("status")), rs.getTimestamp("voting_ends_at").toInstant(),
				rs.getDate("voting_month").toLocalDate(), rs.getTimestamp("created_at").toInstant(),
				EventRepository.instant(rs, "decided_at"), rs.getString("decision"), rs.getObject("vetoed_by", UUID.class),
				rs.getString("veto_reason"), rs.getObject("event_id", UUID.class));
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
