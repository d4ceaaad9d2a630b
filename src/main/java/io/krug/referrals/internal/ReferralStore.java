package io.krug.referrals.internal;

import io.krug.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The referrals table of the current program. */
@Repository
class ReferralStore {

	private static final String COLUMNS = """
			id, referrer_id, referred_id, code, campaign_id, status, reject_reason, device_fingerprint,
			first_purchase_id, first_purchase_at, created_at""";

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the referral; false when the member had been referred already. */
	boolean insert(Referral r) {
		return jdbc.sql("INSERT INTO referrals.referrals (program_id, " + COLUMNS + """
				) VALUES (:program, :id, :referrer, :referred, :code, :campaign, :status, :reason, :fingerprint,
				  NULL, NULL, :at) ON CONFLICT (program_id, referred_id) DO NOTHING""")
			.param("program", program())
			.param("id", r.id())
			.param("referrer", r.referrerId())
			.param("referred", r.referredId())
			.param("code", r.code())
			.param("campaign", r.campaignId())
			.param("status", r.status())
			.param("reason", r.rejectReason())
			.param("fingerprint", r.deviceFingerprint())
			.param("at", Timestamp.from(r.createdAt()))
			.update() == 1;
	}

	Optional<Referral> of(UUID referredId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM referrals.referrals WHERE program_id = :program "
				+ "AND referred_id = :referred")
			.param("program", program())
			.param("referred", referredId)
			.query(ReferralStore::map)
			.optional();
	}

	/** Whether {@code member} is up the referrer's chain of attributed referrers (or is the referrer). */
	boolean inChainOf(UUID referrerId, UUID member) {
		return Boolean.TRUE.equals(jdbc.sql("""
				WITH RECURSIVE up (member_id, depth) AS (
				  SELECT CAST(:referrer AS uuid), 0
				  UNION ALL
				  SELECT r.referrer_id, up.depth + 1 FROM referrals.referrals r JOIN up ON r.referred_id = up.member_id
				  WHERE r.program_id = :program AND r.status = 'attributed' AND up.depth < 1000)
				SELECT EXISTS (SELECT 1 FROM up WHERE member_id = :member)""")
			.param("program", program())
			.param("referrer", referrerId)
			.param("member", member)
			.query(Boolean.class)
			.single());
	}

	/** Whether a friend of the referrer registered from this device already. */
	boolean deviceUsed(UUID referrerId, String fingerprint) {
		return Boolean.TRUE.equals(jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM referrals.referrals WHERE program_id = :program
				  AND referrer_id = :referrer AND device_fingerprint = :fingerprint)""")
			.param("program", program())
			.param("referrer", referrerId)
			.param("fingerprint", fingerprint)
			.query(Boolean.class)
			.single());
	}

	/** The referrer's attributed referrals since {@code from}, or of one campaign when {@code campaign} is set. */
	long attributedCount(UUID referrerId, @Nullable Instant from, @Nullable UUID campaign) {
		return jdbc.sql("""
				SELECT count(*) FROM referrals.referrals WHERE program_id = :program AND referrer_id = :referrer
				  AND status = 'attributed' AND created_at >= coalesce(:from, '-infinity'::timestamptz)
				  AND (CAST(:campaign AS uuid) IS NULL OR campaign_id = :campaign)""")
			.param("program", program())
			.param("referrer", referrerId)
			.param("from", from == null ? null : Timestamp.from(from), java.sql.Types.TIMESTAMP)
			.param("campaign", campaign, java.sql.Types.OTHER)
			.query(Long.class)
			.single();
	}

	/** Claims the purchase as the referral's first; false when another purchase was first. */
	boolean claimFirstPurchase(UUID referralId, UUID purchaseId, Instant at) {
		return jdbc.sql("""
				UPDATE referrals.referrals SET first_purchase_id = :purchase, first_purchase_at = :at
				WHERE program_id = :program AND id = :id AND first_purchase_id IS NULL""")
			.param("program", program())
			.param("id", referralId)
			.param("purchase", purchaseId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** A page of the program's referrals, newest first, optionally of one status or referrer. */
	List<Referral> list(@Nullable String status, @Nullable UUID referrer, int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM referrals.referrals WHERE program_id = :program " + FILTER
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("program", program())
			.param("status", status, java.sql.Types.VARCHAR)
			.param("referrer", referrer, java.sql.Types.OTHER)
			.param("limit", limit)
			.param("offset", offset)
			.query(ReferralStore::map)
			.list();
	}

	long count(@Nullable String status, @Nullable UUID referrer) {
		return jdbc.sql("SELECT count(*) FROM referrals.referrals WHERE program_id = :program " + FILTER)
			.param("program", program())
			.param("status", status, java.sql.Types.VARCHAR)
			.param("referrer", referrer, java.sql.Types.OTHER)
			.query(Long.class)
			.single();
	}

	private static final String FILTER = """
			AND (CAST(:status AS text) IS NULL OR status = :status)
			AND (CAST(:referrer AS uuid) IS NULL OR referrer_id = :referrer)""";

	/** Forgets the device an erased member registered from. */
	void erase(UUID memberId) {
		jdbc.sql("""
				UPDATE referrals.referrals SET device_fingerprint = NULL
				WHERE program_id = :program AND referred_id = :member""")
			.param("program", program())
			.param("member", memberId)
			.update();
	}

	private static Referral map(ResultSet rs, int row) throws SQLException {
		return new Referral(rs.getObject("id", UUID.class), rs.getObject("referrer_id", UUID.class),
				rs.getObject("referred_id", UUID.class), rs.getString("code"),
				rs.getObject("campaign_id", UUID.class), rs.getString("status"), rs.getString("reject_reason"),
				rs.getString("device_fingerprint"), rs.getObject("first_purchase_id", UUID.class),
				ReferralCampaigns.instant(rs, "first_purchase_at"), ReferralCampaigns.instant(rs, "created_at"));
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
