package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

/** SQL of statuses: the stored status and its history, and the purchase figures they are decided from. */
@Repository
class StatusRepository {

	/** What the upserts that lock a member's row return: the stored status, the figures and the elite cutoff. */
	private static final String RETURNED = """
			status, since, invited_by, invited_at, window_net::text AS window_net, ever_net::text AS ever_net,
			  window_oldest, purchase_count,
			  (SELECT elite_min_spend FROM loyalty.status_cutoffs WHERE program_id = :p) AS elite_min_spend""";

	private static final TypeReference<Map<String, BigDecimal>> NET = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	StatusRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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

	/**
	 * The member's stored status, locked until the transaction ends, the program's stored elite cutoff, and the
	 * member's stored purchase figures (null when unknown: never computed, or not current).
	 */
	record Locked(Stored stored, @Nullable BigDecimal eliteMinSpend, @Nullable SpendFigures figures) {
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
				RETURNING\s""" + RETURNED)
			.param("p", program.value())
			.param("m", member)
			.param("now", Timestamp.from(now))
			.query(this::locked)
			.single();
	}

	/**
	 * One statement: locks the member's row as {@link #lockWithCutoff} does and adds a purchase just recorded to the
	 * member's figures, when they are current in {@code window} and the purchase falls in it; otherwise it forgets
	 * them (the {@link Locked#figures()} returned are null) and the caller recomputes them from the purchases.
	 */
	Locked addPurchase(ProgramId program, UUID member, String category, BigDecimal amount, Instant occurredAt,
			RollingWindow window, Instant now) {
		String current = """
				s.window_net IS NOT NULL AND (s.window_oldest IS NULL OR s.window_oldest > :start) AND :counts""";
		return jdbc.sql("""
				INSERT INTO loyalty.member_status AS s (program_id, member_id, status, since, updated_at)
				VALUES (:p, :m, 'insider', :now, :now)
				ON CONFLICT (member_id) DO UPDATE SET
				  window_net = CASE WHEN %1$s THEN jsonb_set(s.window_net, ARRAY[CAST(:category AS text)],
				    to_jsonb(coalesce(CAST(s.window_net ->> CAST(:category AS text) AS numeric), 0) + :amount)) END,
				  ever_net = CASE WHEN %1$s THEN jsonb_set(s.ever_net, ARRAY[CAST(:category AS text)],
				    to_jsonb(coalesce(CAST(s.ever_net ->> CAST(:category AS text) AS numeric), 0) + :amount)) END,
				  window_oldest = CASE WHEN %1$s THEN least(s.window_oldest, :at) END,
				  purchase_count = CASE WHEN %1$s THEN s.purchase_count + 1 END
				RETURNING\s""".formatted(current) + RETURNED)
			.param("p", program.value())
			.param("m", member)
			.param("now", Timestamp.from(now))
			.param("start", Timestamp.from(window.start()))
			.param("counts", window.contains(occurredAt))
			.param("category", category)
			.param("amount", amount)
			.param("at", Timestamp.from(occurredAt))
			.query(this::locked)
			.single();
	}

	/** Stores the member's figures; null forgets them, so that the next purchase recomputes them. */
	void storeFigures(ProgramId program, UUID member, @Nullable SpendFigures figures) {
		jdbc.sql("""
				UPDATE loyalty.member_status SET window_net = CAST(:window AS jsonb), ever_net = CAST(:ever AS jsonb),
				  window_oldest = :oldest, purchase_count = :purchases
				WHERE program_id = :p AND member_id = :m""")
			.param("p", program.value())
			.param("m", member)
			.param("window", figures == null ? null : json.writeValueAsString(figures.windowNet()))
			.param("ever", figures == null ? null : json.writeValueAsString(figures.everNet()))
			.param("oldest", figures == null || figures.windowOldest() == null ? null
					: Timestamp.from(figures.windowOldest()))
			.param("purchases", figures == null ? null : figures.purchases())
			.update();
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
		return figures(program, member, window).figures().spend();
	}

	/**
	 * The member's figures computed from their purchases.
	 *
	 * @param storable whether they may be kept for later purchases to add to: false while the member has a purchase
	 * after the window's end (a clock-skewed one), which would enter the window without a purchase adding it
	 */
	record Computed(SpendFigures figures, boolean storable) {
	}

	/** The member's figures, in one indexed query over their purchases grouped by category. */
	Computed figures(ProgramId program, UUID member, RollingWindow window) {
		Map<String, BigDecimal> windowNet = new HashMap<>();
		Map<String, BigDecimal> everNet = new HashMap<>();
		Instant[] oldest = { null };
		boolean[] storable = { true };
		long[] purchases = { 0 };
		jdbc.sql("""
				SELECT category,
				  coalesce(sum(amount - refunded_amount) FILTER (WHERE occurred_at > :start AND occurred_at <= :end), 0)
				    AS window_net,
				  min(occurred_at) FILTER (WHERE occurred_at > :start AND occurred_at <= :end) AS window_oldest,
				  sum(amount - refunded_amount) AS net, count(*) AS purchases, max(occurred_at) > :end AS ahead
				FROM loyalty.purchases
				WHERE program_id = :p AND member_id = :m AND status <> 'unmatched'
				GROUP BY category""")
			.param("p", program.value())
			.param("m", member)
			.param("start", Timestamp.from(window.start()))
			.param("end", Timestamp.from(window.end()))
			.query(rs -> {
				String category = rs.getString("category");
				Timestamp categoryOldest = rs.getTimestamp("window_oldest");
				if (categoryOldest != null) {
					windowNet.put(category, rs.getBigDecimal("window_net"));
					Instant at = categoryOldest.toInstant();
					oldest[0] = oldest[0] == null || at.isBefore(oldest[0]) ? at : oldest[0];
				}
				everNet.put(category, rs.getBigDecimal("net"));
				purchases[0] += rs.getLong("purchases");
				storable[0] &= !rs.getBoolean("ahead");
			});
		return new Computed(new SpendFigures(windowNet, everNet, oldest[0], purchases[0]), storable[0]);
	}

	private Locked locked(ResultSet rs, int row) throws SQLException {
		String windowNet = rs.getString("window_net");
		Timestamp oldest = rs.getTimestamp("window_oldest");
		SpendFigures figures = windowNet == null ? null
				: new SpendFigures(json.readValue(windowNet, NET), json.readValue(rs.getString("ever_net"), NET),
						oldest == null ? null : oldest.toInstant(), rs.getLong("purchase_count"));
		return new Locked(stored(rs, row), rs.getBigDecimal("elite_min_spend"), figures);
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		Timestamp invitedAt = rs.getTimestamp("invited_at");
		return new Stored(MemberStatus.fromKey(rs.getString("status")), rs.getTimestamp("since").toInstant(),
				rs.getString("invited_by"), invitedAt == null ? null : invitedAt.toInstant());
	}
}
