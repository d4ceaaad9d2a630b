package io.krug.referrals.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberProfileContributor;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own referral page (seed 001's {@code GET /users/me/referrals}): code, link, the friends they brought,
 * the bonuses and quota units referrals earned them; and the {@code referral_code}, {@code referrals_count} fields
 * of their profile.
 */
@Service
public class MemberReferrals implements MemberProfileContributor {

	private final ReferralCodes codes;

	private final ReferralStore referrals;

	private final IdentityApi identity;

	private final ReferralProperties properties;

	private final JdbcClient jdbc;

	MemberReferrals(ReferralCodes codes, ReferralStore referrals, IdentityApi identity,
			ReferralProperties properties, JdbcClient jdbc) {
		this.codes = codes;
		this.referrals = referrals;
		this.identity = identity;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	/** The member's referral page; {@code friends} is one page of the friends they brought, newest first. */
	public record ReferralPage(String referralCode, String link, long totalReferrals, BigDecimal bonusEarned,
			List<ReferredFriend> referrals, List<ReferralQuotaGrant> quotaGrants) {
	}

	/** A friend the member brought, as other members may see them. */
	public record ReferredFriend(String name, Instant joinedAt) {
	}

	/** Quota units a referral granted the member, for the billing module. */
	public record ReferralQuotaGrant(String quota, int units, String role, Instant grantedAt) {
	}

	@Transactional(readOnly = true)
	public ReferralPage page(UUID memberId, int limit, int offset) {
		String code = codes.codeFor(memberId);
		List<ReferredFriend> friends = referrals.list(Referral.ATTRIBUTED, memberId, limit, offset)
			.stream()
			.map(r -> new ReferredFriend(ShortNames.of(identity.findMember(r.referredId())), r.createdAt()))
			.toList();
		return new ReferralPage(code, properties.linkBase() + code, referrals.count(Referral.ATTRIBUTED, memberId),
				bonusEarned(memberId), friends, quotaGrants(memberId));
	}

	@Override
	public Map<String, Object> contribute(UUID memberId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("referral_code", codes.codeFor(memberId));
		fields.put("referrals_count", referrals.count(Referral.ATTRIBUTED, memberId));
		return fields;
	}

	private BigDecimal bonusEarned(UUID memberId) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount - reversed), 0) FROM referrals.rewards
				WHERE program_id = :program AND member_id = :member""")
			.param("program", TenantContext.require().value())
			.param("member", memberId)
			.query(BigDecimal.class)
			.single();
	}

	private List<ReferralQuotaGrant> quotaGrants(UUID memberId) {
		return jdbc.sql("""
				SELECT quota, units, role, created_at FROM referrals.quota_grants
				WHERE program_id = :program AND member_id = :member ORDER BY created_at DESC, id DESC LIMIT 100""")
			.param("program", TenantContext.require().value())
			.param("member", memberId)
			.query((rs, n) -> new ReferralQuotaGrant(rs.getString("quota"), rs.getInt("units"), rs.getString("role"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}
}
