package io.krug.referrals.internal;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberRegistered;
import io.krug.identity.MemberSummary;
import io.krug.loyalty.badges.MemberBadges;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.referrals.ReferralAttributed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every new member a code and attributes a registration with a code to the code's owner, in the registration's
 * transaction. A registration that fails an abuse check is recorded as rejected with the reason and earns nothing:
 * the new member's own code (same member, same phone, or the referrer's device), a second friend from one device, a
 * cycle (the referrer was brought by the new member), the code's uses in the campaign, the referrer's rewarded
 * referrals this calendar month (the campaign's limit, or {@code krug.referrals.default-monthly-limit}). The code
 * row is locked while checking, so concurrent registrations with one code cannot both pass a limit.
 */
@Service
class ReferralAttributions {

	private static final Logger log = LoggerFactory.getLogger(ReferralAttributions.class);

	private final ReferralCodes codes;

	private final ReferralStore referrals;

	private final ReferralCampaigns campaigns;

	private final ReferralRewards rewards;

	private final IdentityApi identity;

	private final MemberBadges badges;

	private final Programs programs;

	private final ReferralProperties properties;

	private final ApplicationEventPublisher events;

	private final PurchaseReferrals purchaseReferrals;

	ReferralAttributions(ReferralCodes codes, ReferralStore referrals, ReferralCampaigns campaigns,
			ReferralRewards rewards, IdentityApi identity, MemberBadges badges, Programs programs,
			ReferralProperties properties, ApplicationEventPublisher events, PurchaseReferrals purchaseReferrals) {
		this.purchaseReferrals = purchaseReferrals;
		this.codes = codes;
		this.referrals = referrals;
		this.campaigns = campaigns;
		this.rewards = rewards;
		this.identity = identity;
		this.badges = badges;
		this.programs = programs;
		this.properties = properties;
		this.events = events;
	}

	@Transactional
	public void onRegistered(MemberRegistered registered) {
		codes.issue(registered.memberId(), registered.deviceFingerprint());
		String code = ReferralCodes.normalize(registered.referralCode());
		if (code == null) {
			return;
		}
		Optional<ReferralCodes.Owner> owner = codes.owner(code, true);
		if (owner.isEmpty()) {
			log.info("Member {} joined with unknown referral code {}; not attributed", registered.memberId(), code);
			return;
		}
		// as stored (PostgreSQL keeps microseconds), so the friend's purchases at the same instant are not earlier
		Instant at = registered.at().truncatedTo(ChronoUnit.MICROS);
		ReferralCampaign campaign = campaigns.inForce(at).orElse(null);
		Rejection rejection = rejection(registered, owner.get(), campaign, at);
		Referral referral = new Referral(Ids.newId(), owner.get().memberId(), registered.memberId(), code,
				campaign == null ? null : campaign.id(), rejection == null ? Referral.ATTRIBUTED : Referral.REJECTED,
				rejection == null ? null : rejection.key(), registered.deviceFingerprint(), null, null, at);
		boolean inserted = referrals.insert(referral);
		purchaseReferrals.forget(registered.memberId());
		if (!inserted || rejection != null) {
			return;
		}
		events.publishEvent(new ReferralAttributed(TenantContext.require(), referral.id(), referral.referrerId(),
				referral.referredId(), referral.campaignId(), at));
		badges.awardIfEligible(referral.referrerId(), MemberBadges.FRIEND_OF_THE_CLUB,
				referrals.attributedCount(referral.referrerId(), null, null));
		if (campaign != null) {
			rewards.onAttributed(referral, campaign);
		}
	}

	private @Nullable Rejection rejection(MemberRegistered registered, ReferralCodes.Owner owner,
			@Nullable ReferralCampaign campaign, Instant at) {
		String fingerprint = registered.deviceFingerprint();
		if (owner.memberId().equals(registered.memberId()) || samePhone(owner, registered.phone())
				|| fingerprint != null && fingerprint.equals(owner.deviceFingerprint())) {
			return Rejection.SELF_REFERRAL;
		}
		if (fingerprint != null && referrals.deviceUsed(owner.memberId(), fingerprint)) {
			return Rejection.DUPLICATE_DEVICE;
		}
		if (referrals.inChainOf(owner.memberId(), registered.memberId())) {
			return Rejection.CYCLE;
		}
		if (campaign != null && campaign.maxUsesPerCode() != null
				&& referrals.attributedCount(owner.memberId(), null, campaign.id()) >= campaign.maxUsesPerCode()) {
			return Rejection.CODE_MAX_USES;
		}
		int limit = campaign == null ? properties.defaultMonthlyLimit() : campaign.monthlyLimit();
		if (referrals.attributedCount(owner.memberId(), monthStart(at), null) >= limit) {
			return Rejection.MONTHLY_LIMIT;
		}
		return null;
	}

	private boolean samePhone(ReferralCodes.Owner owner, String phone) {
		return identity.findMember(owner.memberId())
			.map(MemberSummary::phone)
			.filter(p -> Objects.equals(p, phone))
			.isPresent();
	}

	private Instant monthStart(Instant at) {
		ZoneId zone = programs.get(TenantContext.require()).timeZone();
		return at.atZone(zone).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
	}
}
