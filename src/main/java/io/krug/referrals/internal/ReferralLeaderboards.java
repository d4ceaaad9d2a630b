package io.krug.referrals.internal;

import io.krug.identity.IdentityApi;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The top referrers of a period (the last 7 or 30 days, or all time) by attributed referrals, ties to who got there
 * first. Computed on read into {@code referrals.leaderboards} and served from there for 15 minutes, per program and
 * period, so every replica shows the same board and a busy program counts at most four times an hour per period.
 * Names are looked up on read, so an erased member's name is never served from the snapshot.
 */
@Service
public class ReferralLeaderboards {

	static final Duration FRESH_FOR = Duration.ofMinutes(15);

	static final int SIZE = 100;

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final Clock clock;

	ReferralLeaderboards(JdbcClient jdbc, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.clock = clock;
	}

	/** A leaderboard's period. */
	public enum Period {

		WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), ALL(null);

		private final @Nullable Duration length;

		Period(@Nullable Duration length) {
			this.length = length;
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The board as computed at {@code computedAt}. */
	public record LeaderboardView(String period, Instant computedAt, List<LeaderboardEntry> items) {
	}

	/** One referrer's place; {@code me} marks the caller's own. */
	public record LeaderboardEntry(int rank, String name, long referrals, boolean me) {
	}

	@Transactional
	public LeaderboardView board(Period period, int limit, @Nullable UUID caller) {
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Instant computedAt = computedAt(period).filter(at -> at.plus(FRESH_FOR).isAfter(now)).orElse(null);
		if (computedAt == null) {
			compute(period, now);
			computedAt = now;
		}
		List<LeaderboardEntry> entries = jdbc.sql("""
				SELECT e.member_id, e.referrals, e.rank FROM referrals.leaderboards l,
				  ROWS FROM (jsonb_to_recordset(l.entries) AS (member_id uuid, referrals bigint))
				  WITH ORDINALITY AS e(member_id, referrals, rank)
				WHERE l.program_id = :program AND l.period = :period ORDER BY e.rank LIMIT :limit""")
			.param("program", program())
			.param("period", period.key())
			.param("limit", limit)
			.query((rs, n) -> {
				UUID member = rs.getObject("member_id", UUID.class);
				return new LeaderboardEntry(rs.getInt("rank"), ShortNames.of(identity.findMember(member)),
						rs.getLong("referrals"), member.equals(caller));
			})
			.list();
		return new LeaderboardView(period.key(), computedAt, entries);
	}

	private Optional<Instant> computedAt(Period period) {
		return jdbc.sql("""
				SELECT computed_at FROM referrals.leaderboards WHERE program_id = :program AND period = :period""")
			.param("program", program())
			.param("period", period.key())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private void compute(Period period, Instant now) {
		Instant from = period.length == null ? null : now.minus(period.length);
		jdbc.sql("""
				INSERT INTO referrals.leaderboards (program_id, period, computed_at, entries)
				SELECT :program, :period, :now, coalesce(jsonb_agg(jsonb_build_object('member_id', t.referrer_id,
				  'referrals', t.n) ORDER BY t.n DESC, t.first, t.referrer_id), '[]'::jsonb)
				FROM (SELECT referrer_id, count(*) AS n, min(created_at) AS first FROM referrals.referrals
				      WHERE program_id = :program AND status = 'attributed'
				        AND created_at >= coalesce(:from, '-infinity'::timestamptz)
				      GROUP BY referrer_id ORDER BY n DESC, first, referrer_id LIMIT :size) t
				ON CONFLICT (program_id, period)
				DO UPDATE SET computed_at = EXCLUDED.computed_at, entries = EXCLUDED.entries""")
			.param("program", program())
			.param("period", period.key())
			.param("now", Timestamp.from(now))
			.param("from", from == null ? null : Timestamp.from(from), java.sql.Types.TIMESTAMP)
			.param("size", SIZE)
			.update();
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
