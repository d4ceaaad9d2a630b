package io.krug.loyalty.status;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The elite "top 1% by spend" rule, made cheap for the purchase path. The nightly job ranks the program's members by
 * net spend over the rolling 12 months, counting the {@code N} members with a positive net spend in the window. A
 * member is in the top {@code p}% when their rank is within the first {@code p}% of {@code N}: the top share is the
 * first {@code k = floor(p% × N)} ranks (120 members at 1% → 1, 250 → 2, under 100 → none, so a small program does
 * not make its single biggest spender elite). The cutoff is the spend at rank {@code k}; every member whose spend is
 * at least the cutoff is elite, members tied with rank {@code k} included. The cutoff is stored per program;
 * recomputations between two nightly runs compare the member's current spend with the stored cutoff instead of
 * ranking everyone. No cutoff (no ranking yet, or {@code k = 0}) means nobody is elite by rank.
 */
@Repository
class TopSpenders {

	private final JdbcClient jdbc;

	TopSpenders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ranking a nightly run stored: how many members were ranked and the cutoff spend. */
	record Cutoff(@Nullable BigDecimal eliteMinSpend, int rankedMembers, Instant computedAt) {
	}

	/** Ranks the current program's members over {@code window} and stores the cutoff. */
	Cutoff rank(ProgramId program, RollingWindow window, BigDecimal topPercent, Instant now) {
		Cutoff cutoff = jdbc.sql("""
				WITH spend AS (
				  SELECT member_id, sum(amount - refunded_amount) AS net FROM loyalty.purchases
				  WHERE program_id = :p AND member_id IS NOT NULL AND status <> 'unmatched'
				    AND occurred_at > :start AND occurred_at <= :end
				  GROUP BY member_id HAVING sum(amount - refunded_amount) > 0),
				ranked AS (SELECT net, row_number() OVER (ORDER BY net DESC) AS rank FROM spend),
				total AS (SELECT count(*) AS n FROM spend)
				SELECT total.n,
				  (SELECT net FROM ranked WHERE rank = floor(total.n * CAST(:pct AS numeric) / 100)) AS cutoff
				FROM total""")
			.param("p", program.value())
			.param("start", Timestamp.from(window.start()))
			.param("end", Timestamp.from(window.end()))
			.param("pct", topPercent)
			.query((rs, n) -> new Cutoff(rs.getBigDecimal("cutoff"), rs.getInt("n"), now))
			.single();
		jdbc.sql("""
				INSERT INTO loyalty.status_cutoffs (program_id, elite_min_spend, ranked_members, computed_at)
				VALUES (:p, :cutoff, :n, :now)
				ON CONFLICT (program_id) DO UPDATE SET elite_min_spend = EXCLUDED.elite_min_spend,
				  ranked_members = EXCLUDED.ranked_members, computed_at = EXCLUDED.computed_at""")
			.param("p", program.value())
			.param("cutoff", cutoff.eliteMinSpend())
			.param("n", cutoff.rankedMembers())
			.param("now", Timestamp.from(now))
			.update();
		return cutoff;
	}

	Optional<Cutoff> stored(ProgramId program) {
		return jdbc.sql("""
				SELECT elite_min_spend, ranked_members, computed_at FROM loyalty.status_cutoffs WHERE program_id = :p""")
			.param("p", program.value())
			.query((rs, n) -> new Cutoff(rs.getBigDecimal(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}
}
