package io.krug.rewards.coupons;

import io.krug.identity.MemberStatus;
import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CouponCampaigns and the member lists of targeted ones, in {@code rewards.coupon_campaigns}. */
@Repository
class CouponCampaignStore {

	private final JdbcClient jdbc;

	CouponCampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Campaign c) {
		jdbc.sql("""
				INSERT INTO rewards.coupon_campaigns (id, program_id, business_id, title, description, conditions, type,
				  value_kind, value, min_purchase, valid_from, valid_until, total_limit, per_member_limit, target,
				  target_tier, source_business_id, cross_bonus_rate, active, redeemed_count, created_by, created_at,
				  updated_at)
				VALUES (:id, :program, :business, :title, :description, :conditions, :type, :valueKind, :value,
				  :minPurchase, :validFrom, :validUntil, :totalLimit, :perMemberLimit, :target, :targetTier,
				  :sourceBusiness, :crossBonusRate, :active, 0, :createdBy, :createdAt, :updatedAt)""")
			.param("id", c.id())
			.param("program", TenantContext.require().value())
			.param("business", c.businessId())
			.param("sourceBusiness", c.sourceBusinessId())
			.param("crossBonusRate", c.crossBonusRate())
			.param("active", c.active())
			.param("createdBy", c.createdBy())
			.param("createdAt", Timestamp.from(c.createdAt()))
			.params(editable(c))
			.update();
	}

	/** Stores the campaign's editable fields and {@code updated_at}. */
	void update(Campaign c) {
		jdbc.sql("""
				UPDATE rewards.coupon_campaigns SET title = :title, description = :description,
				  conditions = :conditions, type = :type, value_kind = :valueKind, value = :value,
				  min_purchase = :minPurchase, valid_from = :validFrom, valid_until = :validUntil,
				  total_limit = :totalLimit, per_member_limit = :perMemberLimit, target = :target,
				  target_tier = :targetTier, updated_at = :updatedAt
				WHERE id = :id""").param("id", c.id()).params(editable(c)).update();
	}

	private static java.util.Map<String, @Nullable Object> editable(Campaign c) {
		var values = new java.util.HashMap<String, @Nullable Object>();
		values.put("title", c.title());
		values.put("description", c.description());
		values.put("conditions", c.conditions());
		values.put("type", c.type().key());
		values.put("valueKind", c.valueKind().key());
		values.put("value", c.value());
		values.put("minPurchase", c.minPurchase());
		values.put("validFrom", Timestamp.from(c.validFrom()));
		values.put("validUntil", Timestamp.from(c.validUntil()));
		values.put("totalLimit", c.totalLimit());
		values.put("perMemberLimit", c.perMemberLimit());
		values.put("target", c.target().key());
		values.put("targetTier", c.targetTier() == null ? null : c.targetTier().key());
		values.put("updatedAt", Timestamp.from(c.updatedAt()));
		return values;
	}

	Optional<Campaign> find(UUID id) {
		return jdbc.sql("SELECT * FROM rewards.coupon_campaigns WHERE id = :id")
			.param("id", id)
			.query(CouponCampaignStore::map)
			.optional();
	}

	/** CouponCampaigns newest first, of one business or of all when {@code business} is {@code null}. */
	List<Campaign> list(@Nullable UUID business, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM rewards.coupon_campaigns
				WHERE CAST(:business AS uuid) IS NULL OR business_id = :business
				ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("business", business)
			.param("limit", limit)
			.param("offset", offset)
			.query(CouponCampaignStore::map)
			.list();
	}

	long count(@Nullable UUID business) {
		return jdbc.sql("""
				SELECT count(*) FROM rewards.coupon_campaigns
				WHERE CAST(:business AS uuid) IS NULL OR business_id = :business""")
			.param("business", business)
			.query(Long.class)
			.single();
	}

	void setActive(UUID id, boolean active, java.time.Instant now) {
		jdbc.sql("UPDATE rewards.coupon_campaigns SET active = :active, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("active", active)
			.param("now", Timestamp.from(now))
			.update();
	}

	void addMembers(UUID campaign, List<UUID> members) {
		jdbc.sql("""
				INSERT INTO rewards.coupon_campaign_members (campaign_id, program_id, member_id)
				SELECT :campaign, :program, m FROM unnest(CAST(:members AS uuid[])) AS m
				ON CONFLICT DO NOTHING""")
			.param("campaign", campaign)
			.param("program", TenantContext.require().value())
			.param("members", members.toArray(UUID[]::new))
			.update();
	}

	List<UUID> listedMembers(UUID campaign) {
		return jdbc.sql("""
				SELECT member_id FROM rewards.coupon_campaign_members WHERE campaign_id = :c ORDER BY member_id""")
			.param("c", campaign)
			.query(UUID.class)
			.list();
	}

	boolean isListed(UUID campaign, UUID member) {
		return jdbc.sql("""
				SELECT count(*) FROM rewards.coupon_campaign_members WHERE campaign_id = :c AND member_id = :m""")
			.param("c", campaign)
			.param("m", member)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts one more redemption unless the total limit is reached: a conditional update, so concurrent redemptions
	 * never pass the limit (the row stays locked until the transaction ends).
	 */
	boolean countRedemption(UUID campaign) {
		return jdbc.sql("""
				UPDATE rewards.coupon_campaigns SET redeemed_count = redeemed_count + 1
				WHERE id = :id AND (total_limit IS NULL OR redeemed_count < total_limit)""")
			.param("id", campaign)
			.update() == 1;
	}

	/** Counts a redemption back, for a refunded purchase whose coupon returns. */
	void uncountRedemption(UUID campaign) {
		jdbc.sql("UPDATE rewards.coupon_campaigns SET redeemed_count = redeemed_count - 1 WHERE id = :id")
			.param("id", campaign)
			.update();
	}

	/**
	 * Counts one more use by the member unless the per-member limit is reached: a conditional upsert, safe under
	 * concurrency for the same reason as {@link #countRedemption}.
	 */
	boolean countMemberUse(UUID campaign, UUID member, @Nullable Integer limit) {
		return jdbc.sql("""
				INSERT INTO rewards.coupon_member_uses AS u (campaign_id, program_id, member_id, uses)
				VALUES (:c, :program, :m, 1)
				ON CONFLICT (campaign_id, member_id) DO UPDATE SET uses = u.uses + 1
				WHERE CAST(:limit AS integer) IS NULL OR u.uses < :limit""")
			.param("c", campaign)
			.param("program", TenantContext.require().value())
			.param("m", member)
			.param("limit", limit)
			.update() == 1;
	}

	void uncountMemberUse(UUID campaign, UUID member) {
		jdbc.sql("""
				UPDATE rewards.coupon_member_uses SET uses = uses - 1
				WHERE campaign_id = :c AND member_id = :m AND uses > 0""")
			.param("c", campaign)
			.param("m", member)
			.update();
	}

	private static Campaign map(ResultSet rs, int row) throws SQLException {
		String tier = rs.getString("target_tier");
		return new Campaign(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
				rs.getString("title"), rs.getString("description"), rs.getString("conditions"),
				Campaign.Type.valueOf(upper(rs.getString("type"))),
				Campaign.ValueKind.valueOf(upper(rs.getString("value_kind"))), rs.getBigDecimal("value"),
				rs.getBigDecimal("min_purchase"), rs.getTimestamp("valid_from").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), rs.getObject("total_limit", Integer.class),
				rs.getObject("per_member_limit", Integer.class), Campaign.Target.valueOf(upper(rs.getString("target"))),
				tier == null ? null : MemberStatus.fromKey(tier), rs.getObject("source_business_id", UUID.class),
				rs.getBigDecimal("cross_bonus_rate"), rs.getBoolean("active"), rs.getInt("redeemed_count"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static String upper(String key) {
		return key.toUpperCase(Locale.ROOT);
	}
}
