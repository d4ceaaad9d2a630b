package io.krug.rewards.coupons;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Coupons and promo codes in {@code rewards.coupons}. Codes are written in batches of {@value #BATCH} rows, one
 * {@code INSERT … SELECT FROM unnest(…)} statement each, skipping codes the unique index already holds; callers
 * generate more until they have as many as asked.
 */
@Repository
class CouponStore {

	static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	CouponStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts bearer codes; returns how many were new (a code already taken in the program is skipped). */
	int insertCodes(UUID campaign, List<String> codes, Instant now) {
		int inserted = 0;
		for (int from = 0; from < codes.size(); from += BATCH) {
			List<String> batch = codes.subList(from, Math.min(codes.size(), from + BATCH));
			UUID[] ids = new UUID[batch.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = Ids.newId();
			}
			inserted += jdbc.sql("""
					INSERT INTO rewards.coupons (id, program_id, campaign_id, code, status, issued_at)
					SELECT id, :program, :campaign, code, 'available', :now
					FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[])) AS t (id, code)
					ON CONFLICT DO NOTHING""")
				.param("program", TenantContext.require().value())
				.param("campaign", campaign)
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.param("codes", batch.toArray(String[]::new))
				.update();
		}
		return inserted;
	}

	/**
	 * Issues a coupon of the campaign to each member who has none yet, one fresh code each; returns the members who
	 * still have none because their code collided with one already taken (to be retried with other codes).
	 */
	List<UUID> issue(UUID campaign, List<UUID> members, Instant now) {
		List<UUID> missing = new ArrayList<>();
		for (int from = 0; from < members.size(); from += BATCH) {
			List<UUID> batch = members.subList(from, Math.min(members.size(), from + BATCH));
			UUID[] ids = new UUID[batch.size()];
			String[] codes = new String[batch.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = Ids.newId();
				codes[i] = Codes.code();
			}
			jdbc.sql("""
					INSERT INTO rewards.coupons (id, program_id, campaign_id, code, member_id, status, issued_at)
					SELECT id, :program, :campaign, code, member, 'available', :now
					FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[]), CAST(:members AS uuid[]))
					  AS t (id, code, member)
					ON CONFLICT DO NOTHING""")
				.param("program", TenantContext.require().value())
				.param("campaign", campaign)
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.param("codes", codes)
				.param("members", batch.toArray(UUID[]::new))
				.update();
			missing.addAll(jdbc.sql("""
					SELECT m FROM unnest(CAST(:members AS uuid[])) AS m
					WHERE NOT EXISTS
					  (SELECT 1 FROM rewards.coupons c WHERE c.campaign_id = :campaign AND c.member_id = m)""")
				.param("campaign", campaign)
				.param("members", batch.toArray(UUID[]::new))
				.query(UUID.class)
				.list());
		}
		return missing;
	}

	Optional<Coupon> find(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.coupons WHERE id = :id")
			.param("id", id)
			.query(CouponStore::map)
			.optional();
	}

	/** The coupon whose code or activation code this is. */
	Optional<Coupon> findByCode(String code) {
		return jdbc.sql("""
				SELECT * FROM rewards.coupons WHERE code = :code
				UNION ALL
				SELECT * FROM rewards.coupons WHERE activation_code = :code
				LIMIT 1""").param("code", code).query(CouponStore::map).optional();
	}

	/** The member's coupons still available of active campaigns that have not ended, ending first. */
	List<MemberCoupon> available(UUID member, Instant now, int limit, int offset) {
		return jdbc.sql("""
				SELECT c.*, k.business_id, k.title, k.description, k.conditions, k.type, k.value_kind, k.value,
				  k.min_purchase, k.valid_from, k.valid_until
				FROM rewards.coupons c JOIN rewards.coupon_campaigns k ON k.id = c.campaign_id
				WHERE c.member_id = :member AND c.status = 'available' AND k.active AND k.valid_until > :now
				ORDER BY k.valid_until, c.id LIMIT :limit OFFSET :offset""")
			.param("member", member)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new MemberCoupon(map(rs, n), rs.getObject("business_id", UUID.class),
					rs.getString("title"), rs.getString("description"), rs.getString("conditions"),
					rs.getString("type"), rs.getString("value_kind"), rs.getBigDecimal("value"),
					rs.getBigDecimal("min_purchase"), rs.getTimestamp("valid_from").toInstant(),
					rs.getTimestamp("valid_until").toInstant()))
			.list();
	}

	long countAvailable(UUID member, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FROM rewards.coupons c JOIN rewards.coupon_campaigns k ON k.id = c.campaign_id
				WHERE c.member_id = :member AND c.status = 'available' AND k.active AND k.valid_until > :now""")
			.param("member", member)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Sets the coupon's activation code unless another coupon has it; returns whether it was set. */
	boolean activate(UUID coupon, String code, Instant validUntil) {
		return jdbc.sql("""
				UPDATE rewards.coupons SET activation_code = :code, activation_valid_until = :until
				WHERE id = :id AND NOT EXISTS (SELECT 1 FROM rewards.coupons o WHERE o.activation_code = :code)""")
			.param("id", coupon)
			.param("code", code)
			.param("until", Timestamp.from(validUntil))
			.update() == 1;
	}

	/** Marks the coupon redeemed if it is still available: exactly one of concurrent redemptions gets {@code true}. */
	boolean claim(UUID coupon, Instant now) {
		return jdbc.sql("""
				UPDATE rewards.coupons SET status = 'redeemed', redeemed_at = :now
				WHERE id = :id AND status = 'available'""")
			.param("id", coupon)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Makes a redeemed coupon available again, its activation code of the day forgotten. */
	void release(UUID coupon) {
		jdbc.sql("""
				UPDATE rewards.coupons SET status = 'available', redeemed_at = NULL, activation_code = NULL,
				  activation_valid_until = NULL
				WHERE id = :id AND status = 'redeemed'""").param("id", coupon).update();
	}

	/** Counts of a campaign's coupons: issued to members, bearer codes, redeemed. */
	CouponCounts counts(UUID campaign) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE member_id IS NOT NULL) AS issued,
				  count(*) FILTER (WHERE member_id IS NULL) AS codes,
				  count(*) FILTER (WHERE status = 'redeemed') AS redeemed
				FROM rewards.coupons WHERE campaign_id = :c""")
			.param("c", campaign)
			.query((rs, n) -> new CouponCounts(rs.getLong("issued"), rs.getLong("codes"), rs.getLong("redeemed")))
			.single();
	}

	/** A campaign's bearer codes in creation order, for export. */
	List<String> codes(UUID campaign, int limit, int offset) {
		return jdbc.sql("""
				SELECT code FROM rewards.coupons WHERE campaign_id = :c AND member_id IS NULL
				ORDER BY id LIMIT :limit OFFSET :offset""")
			.param("c", campaign)
			.param("limit", limit)
			.param("offset", offset)
			.query(String.class)
			.list();
	}

	static Coupon map(ResultSet rs, int row) throws SQLException {
		return new Coupon(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getString("code"), rs.getObject("member_id", UUID.class), rs.getString("status"),
				rs.getString("activation_code"), instant(rs.getTimestamp("activation_valid_until")),
				rs.getTimestamp("issued_at").toInstant(), instant(rs.getTimestamp("redeemed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	/** How many coupons a campaign has issued to members, as bearer codes, and redeemed. */
	record CouponCounts(long issued, long codes, long redeemed) {
	}

	/** A member's coupon with its campaign's terms. */
	record MemberCoupon(Coupon coupon, UUID businessId, String title, @Nullable String description,
			@Nullable String conditions, String type, String valueKind, BigDecimal value,
			@Nullable BigDecimal minPurchase, Instant validFrom, Instant validUntil) {
	}
}
