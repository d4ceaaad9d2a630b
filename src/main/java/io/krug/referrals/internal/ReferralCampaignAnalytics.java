package io.krug.referrals.internal;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's figures. {@code codes_shared} counts the referrers whose code brought at least one attributed
 * registration in the campaign (a code nobody used was not shared, as far as Krug can tell); {@code codes_issued}
 * the codes created while the campaign ran. Conversion is first purchases per registration; invites per user are
 * registrations per code shared; the viral coefficient K is invites per user × conversion (first purchases
 * per code shared, computed exactly). Rewards paid are the
 * bonuses credited less what refunds took back; revenue is the referred members' purchases since they joined, less
 * refunds.
 */
@Service
public class ReferralCampaignAnalytics {

	private final ReferralCampaigns campaigns;

	private final JdbcClient jdbc;

	ReferralCampaignAnalytics(ReferralCampaigns campaigns, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
	}

	/** The figures of one campaign. */
	public record ReferralCampaignFigures(UUID campaignId, long codesIssued, long codesShared, long registrations,
			long rejected, long firstPurchases, BigDecimal conversion, BigDecimal invitesPerUser,
			BigDecimal viralCoefficient, BigDecimal rewardsPaid, long quotaUnitsGranted, BigDecimal revenue) {
	}

	private record Counts(long codesShared, long registrations, long rejected, long firstPurchases) {
	}

	@Transactional(readOnly = true)
	public ReferralCampaignFigures of(UUID campaignId) {
		ReferralCampaign campaign = campaigns.get(campaignId);
		UUID program = TenantContext.require().value();
		Counts counts = jdbc.sql("""
				SELECT count(DISTINCT referrer_id) FILTER (WHERE status = 'attributed') AS shared,
				  count(*) FILTER (WHERE status = 'attributed') AS registrations,
				  count(*) FILTER (WHERE status = 'rejected') AS rejected,
				  count(*) FILTER (WHERE first_purchase_id IS NOT NULL) AS first_purchases
				FROM referrals.referrals WHERE program_id = :program AND campaign_id = :campaign""")
			.param("program", program)
			.param("campaign", campaignId)
			.query((rs, n) -> new Counts(rs.getLong("shared"), rs.getLong("registrations"), rs.getLong("rejected"),
					rs.getLong("first_purchases")))
			.single();
		long issued = jdbc.sql("""
				SELECT count(*) FROM referrals.codes WHERE program_id = :program AND created_at >= :from
				  AND created_at < coalesce(:to, 'infinity'::timestamptz)""")
			.param("program", program)
			.param("from", Timestamp.from(campaign.startsAt()))
			.param("to", campaign.endsAt() == null ? null : Timestamp.from(campaign.endsAt()), java.sql.Types.TIMESTAMP)
			.query(Long.class)
			.single();
		BigDecimal conversion = ratio(counts.firstPurchases(), counts.registrations());
		BigDecimal invites = ratio(counts.registrations(), counts.codesShared());
		return new ReferralCampaignFigures(campaignId, issued, counts.codesShared(), counts.registrations(),
				counts.rejected(), counts.firstPurchases(), conversion, invites,
				ratio(counts.firstPurchases(), counts.codesShared()),
				sum("""
						SELECT coalesce(sum(w.amount - w.reversed), 0) FROM referrals.rewards w
						JOIN referrals.referrals r ON r.id = w.referral_id
						WHERE w.program_id = :program AND r.campaign_id = :campaign""", program, campaignId),
				sum("""
						SELECT coalesce(sum(g.units), 0) FROM referrals.quota_grants g
						JOIN referrals.referrals r ON r.id = g.referral_id
						WHERE g.program_id = :program AND r.campaign_id = :campaign""", program, campaignId)
					.longValue(),
				sum("""
						SELECT coalesce(sum(p.amount - p.refunded), 0) FROM referrals.friend_purchases p
						JOIN referrals.referrals r ON r.id = p.referral_id
						WHERE p.program_id = :program AND r.campaign_id = :campaign""", program, campaignId));
	}

	private BigDecimal sum(String sql, UUID program, UUID campaign) {
		return jdbc.sql(sql).param("program", program).param("campaign", campaign).query(BigDecimal.class).single();
	}

	private static BigDecimal ratio(long numerator, long denominator) {
		return denominator == 0 ? BigDecimal.ZERO.setScale(4)
				: BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
	}
}
