package io.krug.loyalty.badges;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of badges, and the all-time purchase figures the badge list shows progress with. */
@Repository
class BadgeRepository {

	private final JdbcClient jdbc;

	BadgeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A badge a member holds. */
	record Earned(String badge, Instant awardedAt) {
	}

	/** A member's all-time net spend and the categories they visited (positive net spend), as badges count them. */
	record Facts(BigDecimal spentEver, Set<String> categoriesEver) {
	}

	Set<String> keys(ProgramId program, UUID member) {
		return Set.copyOf(jdbc.sql("SELECT badge FROM loyalty.badges WHERE program_id = :p AND member_id = :m")
			.param("p", program.value())
			.param("m", member)
			.query(String.class)
			.list());
	}

	/** The member's badges in the order they were earned. */
	List<Earned> earned(ProgramId program, UUID member) {
		return jdbc.sql("""
				SELECT badge, awarded_at FROM loyalty.badges WHERE program_id = :p AND member_id = :m
				ORDER BY awarded_at, badge""")
			.param("p", program.value())
			.param("m", member)
			.query((rs, n) -> new Earned(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
	}

	/** Awards the badge unless the member has it; {@code true} when this call awarded it. */
	boolean award(ProgramId program, UUID member, String badge, Instant at) {
		return jdbc.sql("""
				INSERT INTO loyalty.badges (program_id, member_id, badge, awarded_at) VALUES (:p, :m, :badge, :at)
				ON CONFLICT (member_id, badge) DO NOTHING""")
			.param("p", program.value())
			.param("m", member)
			.param("badge", badge)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Facts facts(ProgramId program, UUID member) {
		BigDecimal[] spent = { BigDecimal.ZERO };
		Set<String> categories = new HashSet<>();
		jdbc.sql("""
				SELECT category, sum(amount - refunded_amount) AS net FROM loyalty.purchases
				WHERE program_id = :p AND member_id = :m AND status <> 'unmatched' GROUP BY category""")
			.param("p", program.value())
			.param("m", member)
			.query(rs -> {
				BigDecimal net = rs.getBigDecimal("net");
				spent[0] = spent[0].add(net);
				if (net.signum() > 0) {
					categories.add(rs.getString("category"));
				}
			});
		return new Facts(spent[0], Set.copyOf(categories));
	}
}
