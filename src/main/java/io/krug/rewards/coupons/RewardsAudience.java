package io.krug.rewards.coupons;

import io.krug.identity.MemberStatus;
import io.krug.platform.db.TextArrays;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the rewards module knows of members and purchases from identity's and loyalty's events
 * ({@code rewards.known_members}, {@code rewards.known_purchases}): whom a campaign targets, who bought where.
 * Writes are idempotent, so a redelivered event changes nothing.
 */
@Repository
public class RewardsAudience {

	private final JdbcClient jdbc;

	RewardsAudience(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A purchase as the rewards module knows it. */
	public record KnownPurchase(UUID purchaseId, UUID businessId, @Nullable UUID memberId, BigDecimal amount,
			Instant occurredAt) {
	}

	void memberJoined(UUID member) {
		jdbc.sql("""
				INSERT INTO rewards.known_members (member_id, program_id, status, active)
				VALUES (:m, :p, 'insider', true)
				ON CONFLICT (member_id) DO NOTHING""")
			.param("m", member)
			.param("p", TenantContext.require().value())
			.update();
	}

	void statusChanged(UUID member, MemberStatus status) {
		jdbc.sql("""
				INSERT INTO rewards.known_members (member_id, program_id, status, active) VALUES (:m, :p, :s, true)
				ON CONFLICT (member_id) DO UPDATE SET status = :s""")
			.param("m", member)
			.param("p", TenantContext.require().value())
			.param("s", status.key())
			.update();
	}

	void memberErased(UUID member) {
		jdbc.sql("UPDATE rewards.known_members SET active = false WHERE member_id = :m").param("m", member).update();
	}

	/** Remembers purchases in one statement (an import's batch); a repeat changes nothing. */
	public void purchasedAll(List<KnownPurchase> purchases) {
		if (purchases.isEmpty()) {
			return;
		}
		List<UUID> ids = new ArrayList<>(purchases.size());
		List<UUID> businesses = new ArrayList<>(purchases.size());
		List<@Nullable UUID> members = new ArrayList<>(purchases.size());
		List<BigDecimal> amounts = new ArrayList<>(purchases.size());
		List<Instant> times = new ArrayList<>(purchases.size());
		for (KnownPurchase p : purchases) {
			ids.add(p.purchaseId());
			businesses.add(p.businessId());
			members.add(p.memberId());
			amounts.add(p.amount());
			times.add(p.occurredAt());
		}
		jdbc.sql("""
				INSERT INTO rewards.known_purchases (purchase_id, program_id, business_id, member_id, amount,
				  occurred_at)
				SELECT CAST(i AS uuid), :p, CAST(b AS uuid), CAST(m AS uuid), CAST(a AS numeric), CAST(t AS timestamptz)
				FROM unnest(CAST(:ids AS text[]), CAST(:businesses AS text[]), CAST(:members AS text[]),
				  CAST(:amounts AS text[]), CAST(:times AS text[])) AS x (i, b, m, a, t)
				ON CONFLICT (purchase_id) DO NOTHING""")
			.param("p", TenantContext.require().value())
			.param("ids", TextArrays.of(ids))
			.param("businesses", TextArrays.of(businesses))
			.param("members", TextArrays.of(members))
			.param("amounts", TextArrays.of(amounts))
			.param("times", TextArrays.of(times))
			.update();
	}

	/** Remembers a purchase; a repeat changes nothing. */
	public void purchased(KnownPurchase p) {
		jdbc.sql("""
				INSERT INTO rewards.known_purchases (purchase_id, program_id, business_id, member_id, amount,
				  occurred_at)
				VALUES (:id, :p, :business, :member, :amount, :at) ON CONFLICT (purchase_id) DO NOTHING""")
			.param("id", p.purchaseId())
			.param("p", TenantContext.require().value())
			.param("business", p.businessId())
			.param("member", p.memberId())
			.param("amount", p.amount())
			.param("at", Timestamp.from(p.occurredAt()))
			.update();
	}

	Optional<KnownPurchase> purchase(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.known_purchases WHERE purchase_id = :id")
			.param("id", id)
			.query((rs, n) -> new KnownPurchase(rs.getObject("purchase_id", UUID.class),
					rs.getObject("business_id", UUID.class), rs.getObject("member_id", UUID.class),
					rs.getBigDecimal("amount"), rs.getTimestamp("occurred_at").toInstant()))
			.optional();
	}

	/** Whether the member bought at the business before, other than {@code except}. */
	boolean boughtAt(UUID business, UUID member, @Nullable UUID except) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM rewards.known_purchases WHERE business_id = :b AND member_id = :m
				  AND (CAST(:except AS uuid) IS NULL OR purchase_id <> :except))""")
			.param("b", business)
			.param("m", member)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	/** Members who bought at the business. */
	public List<UUID> customersOf(UUID business) {
		return jdbc.sql("""
				SELECT DISTINCT member_id FROM rewards.known_purchases
				WHERE business_id = :b AND member_id IS NOT NULL ORDER BY member_id""")
			.param("b", business)
			.query(UUID.class)
			.list();
	}

	/** Active members with at least the status (all when {@code null}), in id order. */
	List<UUID> members(@Nullable MemberStatus atLeast) {
		List<String> statuses = java.util.Arrays.stream(MemberStatus.values())
			.filter(s -> atLeast == null || s.compareTo(atLeast) >= 0)
			.map(MemberStatus::key)
			.toList();
		return jdbc.sql("""
				SELECT member_id FROM rewards.known_members WHERE active AND status IN (:s) ORDER BY member_id""")
			.param("s", statuses)
			.query(UUID.class)
			.list();
	}

	/** Active members who never bought at the business. */
	List<UUID> newCustomersOf(UUID business) {
		return jdbc.sql("""
				SELECT m.member_id FROM rewards.known_members m WHERE m.active AND NOT EXISTS
				  (SELECT 1 FROM rewards.known_purchases p WHERE p.business_id = :b AND p.member_id = m.member_id)
				ORDER BY m.member_id""")
			.param("b", business)
			.query(UUID.class)
			.list();
	}
}
