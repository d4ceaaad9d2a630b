package io.krug.rewards.crosspromo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * Cross-promotions in {@code rewards.cross_promotions}. Whether a business has accepted ones is kept per replica for
 * {@code krug.rewards.cross-promotion-cache-ttl} (30 s), as every purchase asks it: a decision on this replica drops
 * what is kept when it commits; one on another replica takes effect here within the TTL.
 */
@Repository
class CrossPromotionStore {

	private record Key(ProgramId program, UUID business) {
	}

	private final JdbcClient jdbc;

	private final Cache<Key, Boolean> accepting;

	CrossPromotionStore(JdbcClient jdbc, @Value("${krug.rewards.cross-promotion-cache-ttl:30s}") Duration ttl) {
		this.jdbc = jdbc;
		this.accepting = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
	}

	/** Whether the business has accepted cross-promotions, as read at most a TTL ago. */
	boolean anyAcceptedFrom(UUID business) {
		return accepting.get(new Key(TenantContext.require(), business), key -> jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM rewards.cross_promotions WHERE from_business_id = :b AND status = 'accepted')""")
			.param("b", business)
			.query(Boolean.class)
			.single());
	}

	/** Inserts a proposed one unless the pair has a live one; returns whether it was inserted. */
	boolean insert(CrossPromotion p) {
		return jdbc.sql("""
				INSERT INTO rewards.cross_promotions (id, program_id, from_business_id, to_business_id, campaign_id,
				  status, created_by, created_at)
				VALUES (:id, :program, :from, :to, :campaign, 'proposed', :by, :at) ON CONFLICT DO NOTHING""")
			.param("id", p.id())
			.param("program", TenantContext.require().value())
			.param("from", p.fromBusinessId())
			.param("to", p.toBusinessId())
			.param("campaign", p.campaignId())
			.param("by", p.createdBy())
			.param("at", Timestamp.from(p.createdAt()))
			.update() == 1;
	}

	Optional<CrossPromotion> find(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.cross_promotions WHERE id = :id")
			.param("id", id)
			.query(CrossPromotionStore::map)
			.optional();
	}

	/** Decides a proposed one; {@code false} when it was decided already (by a concurrent call, too). */
	boolean decide(UUID id, String status, String actor, Instant at) {
		boolean decided = jdbc.sql("""
				UPDATE rewards.cross_promotions SET status = :status, decided_by = :by, decided_at = :at
				WHERE id = :id AND status = 'proposed'""")
			.param("id", id)
			.param("status", status)
			.param("by", actor)
			.param("at", Timestamp.from(at))
			.update() == 1;
		forgetAcceptingWhenDone();
		return decided;
	}

	private void forgetAcceptingWhenDone() {
		accepting.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					accepting.invalidateAll();
				}
			});
		}
	}

	/** Accepted cross-promotions whose customers come from the business. */
	List<CrossPromotion> acceptedFrom(UUID business) {
		return jdbc.sql("""
				SELECT * FROM rewards.cross_promotions WHERE from_business_id = :b AND status = 'accepted'
				ORDER BY id""").param("b", business).query(CrossPromotionStore::map).list();
	}

	/** Those the business takes part in (all when {@code null}), newest first. */
	List<CrossPromotion> list(@Nullable UUID business, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM rewards.cross_promotions
				WHERE CAST(:b AS uuid) IS NULL OR from_business_id = :b OR to_business_id = :b
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("b", business)
			.param("limit", limit)
			.param("offset", offset)
			.query(CrossPromotionStore::map)
			.list();
	}

	long count(@Nullable UUID business) {
		return jdbc.sql("""
				SELECT count(*) FROM rewards.cross_promotions
				WHERE CAST(:b AS uuid) IS NULL OR from_business_id = :b OR to_business_id = :b""")
			.param("b", business)
			.query(Long.class)
			.single();
	}

	private static CrossPromotion map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new CrossPromotion(rs.getObject("id", UUID.class), rs.getObject("from_business_id", UUID.class),
				rs.getObject("to_business_id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getString("status"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("decided_by"), decided == null ? null : decided.toInstant());
	}
}
