package io.krug.partners.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.tenancy.ProgramId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code partners.promotions} table. The active promotions of each business a purchase names are kept per
 * replica for {@code krug.partners.promotion-cache-ttl} (30 s) after they were read, so a purchase costs no look-up
 * for its multiplier: a promotion created or changed through this class takes effect at once on this replica (the
 * entry is dropped when the change commits), and within the TTL on the others.
 */
@Repository
class PromotionRepository {

	private record Key(ProgramId program, UUID business) {
	}

	/** An active promotion's multiplier and period, [from, until). */
	private record Window(BigDecimal multiplier, Instant from, @Nullable Instant until) {

		boolean runsAt(Instant at) {
			return !from.isAfter(at) && (until == null || until.isAfter(at));
		}
	}

	/** Running at {@code :at}: not paused, started, not yet ended. */
	private static final String RUNS_AT = " AND active AND valid_from <= :at"
			+ " AND (valid_until IS NULL OR valid_until > :at)";

	private final JdbcClient jdbc;

	private final Cache<Key, List<Window>> windows;

	PromotionRepository(JdbcClient jdbc, @Value("${krug.partners.promotion-cache-ttl:30s}") Duration ttl) {
		this.jdbc = jdbc;
		this.windows = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
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

	/** The highest multiplier of the business's promotions running at {@code at}; 1 without any. */
	BigDecimal highestMultiplier(ProgramId program, UUID businessId, Instant at) {
		return windows.get(new Key(program, businessId), key -> activeWindows(program, businessId))
			.stream()
			.filter(w -> w.runsAt(at))
			.map(Window::multiplier)
			.max(Comparator.naturalOrder())
			.orElse(BigDecimal.ONE);
	}

	private List<Window> activeWindows(ProgramId program, UUID businessId) {
		return jdbc.sql("""
				SELECT bonus_multiplier, valid_from, valid_until FROM partners.promotions
				WHERE program_id = :program AND business_id = :business AND active""")
			.param("program", program.value())
			.param("business", businessId)
			.query((rs, n) -> {
				Timestamp until = rs.getTimestamp("valid_until");
				return new Window(rs.getBigDecimal("bonus_multiplier"), rs.getTimestamp("valid_from").toInstant(),
						until == null ? null : until.toInstant());
			})
			.list();
	}

	/**
	 * Drops the business's cached promotions now and again when the caller's transaction ends, so a purchase that
	 * read them in between cannot keep the old ones.
	 */
	private void changed(ProgramId program, UUID businessId) {
		Key key = new Key(program, businessId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					windows.invalidate(key);
				}
			});
		}
		windows.invalidate(key);
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
		changed(program, p.businessId());
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
		changed(program, p.businessId());
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
