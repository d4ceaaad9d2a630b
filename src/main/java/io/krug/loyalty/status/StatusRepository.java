package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of statuses: the stored status and its history, and the purchase figures they are decided from. */
@Repository
class StatusRepository {

	private final JdbcClient jdbc;

	StatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member's stored status row. */
	record Stored(MemberStatus status, Instant since, @Nullable String invitedBy, @Nullable Instant invitedAt) {

		boolean invited() {
			return invitedBy != null;
		}
	}

	/** One change of the status history. */
	record Change(UUID id, MemberStatus from, MemberStatus to, StatusReason reason, Instant at) {
	}

	Optional<Stored> find(ProgramId program, UUID member) {
		return jdbc.sql("""
				SELECT status, since, invited_by, invited_at FROM loyalty.member_status
				WHERE program_id = :p AND member_id = :m""")
			.param("p", program.value())
			.param("m", member)
			.query(StatusRepository::stored)
			.optional();
	}

	/**
	 * The member's stored status, locked until the transaction ends (an insider row is created first if there is
	 * none), so recomputations of one member run one after the other.
	 */
	Stored lock(ProgramId program, UUID member, Instant now) {
		return lockWithCutoff(program, member, now).stored();
	}

	/** The member's stored status, locked until the transaction ends, and the program's stored elite cutoff. */
	record Locked(Stored stored, @Nullable BigDecimal eliteMinSpend) {
	}

	/**
	 * One statement: creates the member's row on first use, locks it (an upsert locks the row it touches) and reads
	 * the program's elite cutoff alongside.
	 */
	Locked lockWithCutoff(ProgramId program, UUID member, Instant now) {
		return jdbc.sql("""
				INSERT INTO loyalty.member_status (program_id, member_id, status, since, updated_at)
				VALUES (:p, :m, 'insider', :now, :now)
				ON CONFLICT (member_id) DO UPDATE SET member_id = EXCLUDED.member_id
				RETURNING status, since, invited_by, invited_at,
				  (SELECT elite_min_spend FROM loyalty.status_cutoffs WHERE program_id = :p) AS elite_min_spend""")
			.param("p", program.value())
			.param("m", member)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Locked(stored(rs, n), rs.getBigDecimal("elite_min_spend")))
			.single();
	}

	void changeStatus(ProgramId program, UUID member, MemberStatus status, Instant now) {
		jdbc.sql("""
				UPDATE loyalty.member_status SET status = :s, since = :now, updated_at = :now
				WHERE program_id = :p AND member_id = :m""")
			.param("p", program.value())
			.param("m", member)
			.param("s", status.key())
			.param("now", Timestamp.from(now))
			.update();
	}

	void setInvitation(ProgramId program, UUID member, @Nullable String invitedBy, @Nullable Instant invitedAt,
			Instant now) {
		jdbc.sql("""
				UPDATE loyalty.member_status SET invited_by = :by, invited_at = :at, updated_at = :now
				WHERE program_id = :p AND member_id = :m""")
			.param("p", program.value())
			.param("m", member)
			.param("by", invitedBy)
			.param("at", invitedAt == null ? null : Timestamp.from(invitedAt))
			.param("now", Timestamp.from(now))
			.update();
	}

	void appendHistory(ProgramId program, UUID member, MemberStatus from, MemberStatus to, StatusReason reason,
			@Nullable String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO loyalty.status_history (id, program_id, member_id, from_status, to_status, reason, actor, at)
				VALUES (:id, :p, :m, :from, :to, :reason, :actor, :at)""")
			.param("id", Ids.newId())
			.param("p", program.value())
			.param("m", member)
			.param("from", from.key())
			.param("to", to.key())
			.param("reason", reason.key())
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The member's changes, newest first. */
	List<Change> history(ProgramId program, UUID member, int limit, int offset) {
		return jdbc.sql("""
				SELECT id, from_status, to_status, reason, at FROM loyalty.status_history
				WHERE program_id = :p AND member_id = :m ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("p", program.value())
			.param("m", member)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Change(rs.getObject("id", UUID.class), MemberStatus.fromKey(rs.getString("from_status")),
					MemberStatus.fromKey(rs.getString("to_status")),
					StatusReason.valueOf(rs.getString("reason").toUpperCase(java.util.Locale.ROOT)),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	long historyCount(ProgramId program, UUID member) {
		return jdbc.sql("SELECT count(*) FROM loyalty.status_history WHERE program_id = :p AND member_id = :m")
			.param("p", program.value())
			.param("m", member)
			.query(Long.class)
			.single();
	}

	/**
	 * Whom the nightly run recomputes: members above insider (they may fall) and members with purchases after
	 * {@code purchasesSince} (they may rise, or have had a purchase leave the window since the previous run).
	 */
	List<UUID> candidates(ProgramId program, Instant purchasesSince) {
		return jdbc.sql("""
				SELECT member_id FROM loyalty.member_status WHERE program_id = :p AND status <> 'insider'
				UNION
				SELECT member_id FROM loyalty.purchases
				WHERE program_id = :p AND member_id IS NOT NULL AND status <> 'unmatched' AND occurred_at > :since
				ORDER BY 1""")
			.param("p", program.value())
			.param("since", Timestamp.from(purchasesSince))
			.query(UUID.class)
			.list();
	}

	/** The member's purchase figures, in one indexed query over their purchases grouped by category. */
	MemberSpend spend(ProgramId program, UUID member, RollingWindow window) {
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO };
		Set<String> inWindow = new HashSet<>();
		Set<String> ever = new HashSet<>();
		long[] purchases = { 0 };
		jdbc.sql("""
				SELECT category,
				  coalesce(sum(amount - refunded_amount)
				    FILTER (WHERE occurred_at > :start AND occurred_at <= :end), 0) AS window_net,
				  sum(amount - refunded_amount) AS net, count(*) AS purchases
				FROM loyalty.purchases
				WHERE program_id = :p AND member_id = :m AND status <> 'unmatched'
				GROUP BY category""")
			.param("p", program.value())
			.param("m", member)
			.param("start", Timestamp.from(window.start()))
			.param("end", Timestamp.from(window.end()))
			.query(rs -> {
				BigDecimal windowNet = rs.getBigDecimal("window_net");
				BigDecimal net = rs.getBigDecimal("net");
				sums[0] = sums[0].add(windowNet);
				sums[1] = sums[1].add(net);
				if (windowNet.signum() > 0) {
					inWindow.add(rs.getString("category"));
				}
				if (net.signum() > 0) {
					ever.add(rs.getString("category"));
				}
				purchases[0] += rs.getLong("purchases");
			});
		return new MemberSpend(sums[0], Set.copyOf(inWindow), sums[1], Set.copyOf(ever), purchases[0]);
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		Timestamp invitedAt = rs.getTimestamp("invited_at");
		return new Stored(MemberStatus.fromKey(rs.getString("status")), rs.getTimestamp("since").toInstant(),
				rs.getString("invited_by"), invitedAt == null ? null : invitedAt.toInstant());
	}
}
