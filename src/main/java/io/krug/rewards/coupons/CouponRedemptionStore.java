package io.krug.rewards.coupons;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CouponRedemptions of coupons in {@code rewards.coupon_redemptions}. */
@Repository
class CouponRedemptionStore {

	private final JdbcClient jdbc;

	CouponRedemptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Redemption r) {
		jdbc.sql("""
				INSERT INTO rewards.coupon_redemptions (id, program_id, coupon_id, campaign_id, member_id, business_id,
				  purchase_id, check_amount, paid_amount, discount, bonus, gift_value, cross_bonus, engaged,
				  source_business_id, earn_tx_id, cross_tx_id, redeemed_by, redeemed_at)
				VALUES (:id, :program, :coupon, :campaign, :member, :business, :purchase, :check, :paid, :discount,
				  :bonus, :gift, :cross, :engaged, :source, :earnTx, :crossTx, :by, :at)""")
			.param("id", r.id())
			.param("program", TenantContext.require().value())
			.param("coupon", r.couponId())
			.param("campaign", r.campaignId())
			.param("member", r.memberId())
			.param("business", r.businessId())
			.param("purchase", r.purchaseId())
			.param("check", r.checkAmount())
			.param("paid", r.paidAmount())
			.param("discount", r.discount())
			.param("bonus", r.bonus())
			.param("gift", r.giftValue())
			.param("cross", r.crossBonus())
			.param("engaged", r.engaged())
			.param("source", r.sourceBusinessId())
			.param("earnTx", r.earnTxId())
			.param("crossTx", r.crossTxId())
			.param("by", r.redeemedBy())
			.param("at", Timestamp.from(r.redeemedAt()))
			.update();
	}

	/** The purchase's redemptions not yet handled as refunded, locked for the refund's handling. */
	List<Redemption> standingForPurchase(UUID purchase) {
		return jdbc.sql("""
				SELECT * FROM rewards.coupon_redemptions WHERE purchase_id = :p AND refunded_at IS NULL
				ORDER BY id FOR UPDATE""").param("p", purchase).query(CouponRedemptionStore::map).list();
	}

	void markRefunded(UUID redemption, Instant at, boolean couponReturned) {
		jdbc.sql("""
				UPDATE rewards.coupon_redemptions SET refunded_at = :at, coupon_returned = :returned
				WHERE id = :id AND refunded_at IS NULL""")
			.param("id", redemption)
			.param("at", Timestamp.from(at))
			.param("returned", couponReturned)
			.update();
	}

	Totals totals(UUID campaign) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE refunded_at IS NULL) AS redemptions,
				  count(*) FILTER (WHERE refunded_at IS NOT NULL) AS refunded,
				  coalesce(sum(check_amount) FILTER (WHERE refunded_at IS NULL), 0) AS checks,
				  coalesce(sum(paid_amount) FILTER (WHERE refunded_at IS NULL), 0) AS paid,
				  coalesce(sum(discount) FILTER (WHERE refunded_at IS NULL), 0) AS discounts,
				  coalesce(sum(bonus) FILTER (WHERE refunded_at IS NULL), 0) AS bonuses,
				  coalesce(sum(gift_value) FILTER (WHERE refunded_at IS NULL), 0) AS gifts,
				  coalesce(sum(cross_bonus) FILTER (WHERE refunded_at IS NULL), 0) AS cross_bonuses,
				  coalesce(sum(paid_amount) FILTER (WHERE refunded_at IS NULL AND engaged), 0) AS engaged
				FROM rewards.coupon_redemptions WHERE campaign_id = :c""")
			.param("c", campaign)
			.query((rs, n) -> new Totals(rs.getLong("redemptions"), rs.getLong("refunded"), scaled(rs, "checks"),
					scaled(rs, "paid"), scaled(rs, "discounts"), scaled(rs, "bonuses"), scaled(rs, "gifts"),
					scaled(rs, "cross_bonuses"), scaled(rs, "engaged")))
			.single();
	}

	private static BigDecimal scaled(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column).setScale(2);
	}

	private static Redemption map(ResultSet rs, int row) throws SQLException {
		return new Redemption(rs.getObject("id", UUID.class), rs.getObject("coupon_id", UUID.class),
				rs.getObject("campaign_id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getObject("business_id", UUID.class), rs.getObject("purchase_id", UUID.class),
				rs.getBigDecimal("check_amount"), rs.getBigDecimal("paid_amount"), rs.getBigDecimal("discount"),
				rs.getBigDecimal("bonus"), rs.getBigDecimal("gift_value"), rs.getBigDecimal("cross_bonus"),
				rs.getBoolean("engaged"), rs.getObject("source_business_id", UUID.class),
				rs.getObject("earn_tx_id", UUID.class), rs.getObject("cross_tx_id", UUID.class),
				rs.getString("redeemed_by"), rs.getTimestamp("redeemed_at").toInstant());
	}

	/** Sums of a campaign's redemptions; see {@link CampaignStats}. */
	record Totals(long redemptions, long refunded, BigDecimal checks, BigDecimal paid, BigDecimal discounts,
			BigDecimal bonuses, BigDecimal gifts, BigDecimal crossBonuses, BigDecimal engagedRevenue) {
	}

	/** A stored redemption. */
	record Redemption(UUID id, UUID couponId, UUID campaignId, @Nullable UUID memberId, UUID businessId,
			UUID purchaseId, BigDecimal checkAmount, BigDecimal paidAmount, BigDecimal discount, BigDecimal bonus,
			BigDecimal giftValue, BigDecimal crossBonus, boolean engaged, @Nullable UUID sourceBusinessId,
			@Nullable UUID earnTxId, @Nullable UUID crossTxId, String redeemedBy, Instant redeemedAt) {
	}
}
