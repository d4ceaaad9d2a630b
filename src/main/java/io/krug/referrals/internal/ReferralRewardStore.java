package io.krug.referrals.internal;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referral rewards, their reversals, quota grants and the referred members' purchases of the current program. */
@Repository
class ReferralRewardStore {

	private final JdbcClient jdbc;

	ReferralRewardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A credited percentage reward of a purchase, with what refunds took back so far. */
	record PurchaseReward(UUID id, UUID memberId, BigDecimal amount, BigDecimal reversed, UUID transactionId,
			String key) {
	}

	/** A referred member's purchase. */
	record FriendPurchase(UUID referralId, BigDecimal amount) {
	}

	/** Claims a reward's key; false when the reward was credited already. */
	boolean claim(UUID id, UUID referralId, UUID member, String role, String trigger, @Nullable UUID purchaseId,
			BigDecimal amount, String key, Instant at) {
		return jdbc.sql("""
				INSERT INTO referrals.rewards (id, program_id, referral_id, member_id, role, trigger, purchase_id,
				  amount, reward_key, created_at)
				VALUES (:id, :program, :referral, :member, :role, :trigger, :purchase, :amount, :key, :at)
				ON CONFLICT (program_id, reward_key) DO NOTHING""")
			.param("id", id)
			.param("program", program())
			.param("referral", referralId)
			.param("member", member)
			.param("role", role)
			.param("trigger", trigger)
			.param("purchase", purchaseId)
			.param("amount", amount)
			.param("key", key)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void setTransaction(UUID rewardId, UUID transactionId) {
		jdbc.sql("UPDATE referrals.rewards SET transaction_id = :tx WHERE program_id = :program AND id = :id")
			.param("tx", transactionId)
			.param("program", program())
			.param("id", rewardId)
			.update();
	}

	/** Grants quota units once per key; false when granted already. */
	boolean grantQuota(UUID id, UUID referralId, UUID member, String role, String quota, int units, String key,
			Instant at) {
		return jdbc.sql("""
				INSERT INTO referrals.quota_grants (id, program_id, referral_id, member_id, role, quota, units,
				  grant_key, created_at)
				VALUES (:id, :program, :referral, :member, :role, :quota, :units, :key, :at)
				ON CONFLICT (program_id, grant_key) DO NOTHING""")
			.param("id", id)
			.param("program", program())
			.param("referral", referralId)
			.param("member", member)
			.param("role", role)
			.param("quota", quota)
			.param("units", units)
			.param("key", key)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Records a referred member's purchase once; false when it was recorded already. */
	boolean recordPurchase(UUID purchaseId, UUID referralId, BigDecimal amount, Instant occurredAt) {
		return jdbc.sql("""
				INSERT INTO referrals.friend_purchases (program_id, purchase_id, referral_id, amount, occurred_at)
				VALUES (:program, :purchase, :referral, :amount, :at) ON CONFLICT DO NOTHING""")
			.param("program", program())
			.param("purchase", purchaseId)
			.param("referral", referralId)
			.param("amount", amount)
			.param("at", Timestamp.from(occurredAt))
			.update() == 1;
	}

	/** Notes the purchase's refunds so far and returns it; empty when it is not a referred member's purchase. */
	Optional<FriendPurchase> refunded(UUID purchaseId, BigDecimal refundedTotal) {
		return jdbc.sql("""
				UPDATE referrals.friend_purchases SET refunded = greatest(refunded, :refunded)
				WHERE program_id = :program AND purchase_id = :purchase RETURNING referral_id, amount""")
			.param("refunded", refundedTotal)
			.param("program", program())
			.param("purchase", purchaseId)
			.query((rs, n) -> new FriendPurchase(rs.getObject("referral_id", UUID.class), rs.getBigDecimal("amount")))
			.optional();
	}

	/** The purchase's percentage reward, locked against a concurrent refund's reversal. */
	Optional<PurchaseReward> purchaseReward(UUID purchaseId) {
		return jdbc.sql("""
				SELECT id, member_id, amount, reversed, transaction_id, reward_key FROM referrals.rewards
				WHERE program_id = :program AND purchase_id = :purchase AND trigger = 'purchase'
				  AND transaction_id IS NOT NULL FOR UPDATE""")
			.param("program", program())
			.param("purchase", purchaseId)
			.query((rs, n) -> new PurchaseReward(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
					rs.getBigDecimal("amount"), rs.getBigDecimal("reversed"),
					rs.getObject("transaction_id", UUID.class), rs.getString("reward_key")))
			.optional();
	}

	/** Records a refund's reversal once and adds it to the reward's reversed; false when recorded already. */
	boolean reverse(UUID id, UUID rewardId, UUID refundId, BigDecimal amount, UUID transactionId, Instant at) {
		boolean inserted = jdbc.sql("""
				INSERT INTO referrals.reward_reversals (id, program_id, reward_id, refund_id, amount, transaction_id,
				  created_at)
				VALUES (:id, :program, :reward, :refund, :amount, :tx, :at) ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("program", program())
			.param("reward", rewardId)
			.param("refund", refundId)
			.param("amount", amount)
			.param("tx", transactionId)
			.param("at", Timestamp.from(at))
			.update() == 1;
		if (inserted) {
			jdbc.sql("""
					UPDATE referrals.rewards SET reversed = reversed + :amount
					WHERE program_id = :program AND id = :id""")
				.param("amount", amount)
				.param("program", program())
				.param("id", rewardId)
				.update();
		}
		return inserted;
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
