package io.krug.partners.internal;

import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code partners.promotions} table. */
@Repository
class PromotionRepository {

	/** Running at {@code :at}: not paused, started, not yet ended. */
	private static final String RUNS_AT = " AND active AND valid_from <= :at"
			+ " AND (valid_until IS NULL OR valid_until > :at)";

	private final JdbcClient jdbc;

	PromotionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Promotion> lock(ProgramId program, UUID businessId, UUID id) {
		return jdbc.sql("""
				SELECT * FROM partners.promotions
				WHERE program_id = :program AND business_id = :business AND id = :id FOR UPDATE""")
			.param("program", program.value())
			.param("business", businessId)
			.param("id", id)
			.query(PromotionRepository::map)
			.optional();
	}

	Page<Promotion> list(ProgramId program, UUID businessId, int limit, int offset) {
		long total = jdbc.sql("""
				SELECT count(*) FROM partners.promotions WHERE program_id = :program AND business_id = :business""")
			.param("program", program.value())
			.param("business", businessId)
			.query(Long.class)
			.single();
		List<Promotion> items = jdbc.sql("""
				SELECT * FROM partners.promotions WHERE program_id = :program AND business_id = :business
				ORDER BY valid_from DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("program", program.value())
			.param("business", businessId)
			.param("limit", limit)
			.param("offset", offset)
			.query(PromotionRepository::map)
			.list();
		return new Page<>(items, total);
	}

	/** The highest multiplier of the business's promotions running at {@code at}; 1 when none runs. */
	BigDecimal highestMultiplier(ProgramId program, UUID businessId, Instant at) {
		return jdbc.sql("""
				SELECT coalesce(max(bonus_multiplier), 1) FROM partners.promotions
				WHERE program_id = :program AND business_id = :business""" + RUNS_AT)
			.param("program", program.value())
			.param("business", businessId)
			.param("at", Timestamp.from(at))
			.query(BigDecimal.class)
			.single();
	}

	/** The business's active (not paused) promotions, whenever they run. */
	List<Promotion> activeOf(ProgramId program, UUID businessId) {
		return jdbc.sql("SELECT * FROM partners.promotions WHERE program_id = :program AND business_id = :business"
				+ " AND active")
			.param("program", program.value())
			.param("business", businessId)
			.query(PromotionRepository::map)
			.list();
	}

	/** The promotions running at {@code at} of the given businesses, highest multiplier first, in one query. */
	List<Promotion> runningAt(ProgramId program, Collection<UUID> businessIds, Instant at) {
		if (businessIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM partners.promotions
				WHERE program_id = :program AND business_id IN (:businesses)""" + RUNS_AT
				+ " ORDER BY bonus_multiplier DESC, valid_from, id")
			.param("program", program.value())
			.param("businesses", List.copyOf(businessIds))
			.param("at", Timestamp.from(at))
			.query(PromotionRepository::map)
			.list();
	}

	void insert(ProgramId program, Promotion p) {
		jdbc.sql("""
				INSERT INTO partners.promotions (id, program_id, business_id, title, description, bonus_multiplier,
				  valid_from, valid_until, active, created_at, updated_at)
				VALUES (:id, :program, :business, :title, :description, :multiplier, :validFrom, :validUntil, :active,
				  :createdAt, :updatedAt)""")
			.param("id", p.id())
			.param("program", program.value())
			.param("business", p.businessId())
			.param("title", p.title())
			.param("description", p.description())
			.param("multiplier", p.bonusMultiplier())
			.param("validFrom", Timestamp.from(p.validFrom()))
			.param("validUntil", timestamp(p.validUntil()))
			.param("active", p.active())
			.param("createdAt", Timestamp.from(p.createdAt()))
			.param("updatedAt", Timestamp.from(p.updatedAt()))
			.update();
	}

	void update(ProgramId program, Promotion p) {
		jdbc.sql("""
				UPDATE partners.promotions SET title = :title, description = :description,
				  bonus_multiplier = :multiplier, valid_from = :validFrom, valid_until = :validUntil, active = :active,
				  updated_at = :updatedAt
				WHERE program_id = :program AND id = :id""")
			.param("id", p.id())
			.param("program", program.value())
			.param("title", p.title())
			.param("description", p.description())
			.param("multiplier", p.bonusMultiplier())
			.param("validFrom", Timestamp.from(p.validFrom()))
			.param("validUntil", timestamp(p.validUntil()))
			.param("active", p.active())
			.param("updatedAt", Timestamp.from(p.updatedAt()))
			.update();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Promotion map(ResultSet rs, int row) throws SQLException {
		Timestamp until = rs.getTimestamp("valid_until");
		return new Promotion(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
				rs.getString("title"), rs.getString("description"), rs.getBigDecimal("bonus_multiplier"),
				rs.getTimestamp("valid_from").toInstant(), until == null ? null : until.toInstant(),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
