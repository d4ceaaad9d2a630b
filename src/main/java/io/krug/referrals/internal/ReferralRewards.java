package io.krug.referrals.internal;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Reversal;
import io.krug.ledger.ReverseEarnCommand;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchaseRefunded;
import io.krug.platform.Ids;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.referrals.ReferralRewarded;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits referral rewards, each exactly once: a reward's key ({@code referral:<id>:<role>:<trigger>[:<purchase>]})
 * is claimed in {@code referrals.rewards} and is the ledger transaction's idempotency key, so an event processed twice
 * or two racing purchases credit it once. Bonuses are earns funded by the club (the program), pending for the
 * campaign's hold days; a refund of a referred member's purchase takes back its percentage reward in proportion.
 */
@Service
class ReferralRewards {

	static final String REFERRER = "referrer";

	static final String FRIEND = "friend";

	private final ReferralRewardStore store;

	private final ReferralStore referrals;

	private final ReferralCampaigns campaigns;

	private final LedgerApi ledger;

	private final Programs programs;

	private final ReferralProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PurchaseReferrals purchaseReferrals;

	ReferralRewards(ReferralRewardStore store, ReferralStore referrals, ReferralCampaigns campaigns, LedgerApi ledger,
			Programs programs, ReferralProperties properties, ApplicationEventPublisher events, Clock clock,
			PurchaseReferrals purchaseReferrals) {
		this.purchaseReferrals = purchaseReferrals;
		this.store = store;
		this.referrals = referrals;
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.programs = programs;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** The campaign's registration bonuses and quota units for a new attribution. */
	@Transactional
	public void onAttributed(Referral referral, ReferralCampaign campaign) {
		ReferralCampaign.RewardTerms r = campaign.rewards();
		credit(referral, campaign, REFERRER, "registration", null, r.referrerOnRegistration());
		credit(referral, campaign, FRIEND, "registration", null, r.friendOnRegistration());
		if (r.quotaUnits() > 0 && r.quotaName() != null) {
			grant(referral, REFERRER, r.quotaName(), r.quotaUnits());
			grant(referral, FRIEND, r.quotaName(), r.quotaUnits());
		}
	}

	/** A referred member's purchase: the first-purchase bonuses once, and the referrer's percentage. */
	@Transactional
	public void onPurchase(PurchaseRecorded purchase) {
		if (purchase.memberId() == null) {
			return;
		}
		Referral referral = purchaseReferrals.of(purchase.memberId()).orElse(null);
		if (referral == null || referral.campaignId() == null || purchase.occurredAt().isBefore(referral.createdAt())
				|| !store.recordPurchase(purchase.purchaseId(), referral.id(), purchase.amount(),
						purchase.occurredAt())) {
			return;
		}
		ReferralCampaign campaign = campaigns.anyById(referral.campaignId()).orElseThrow();
		ReferralCampaign.RewardTerms r = campaign.rewards();
		if (referrals.claimFirstPurchase(referral.id(), purchase.purchaseId(), purchase.occurredAt())) {
			credit(referral, campaign, REFERRER, "first_purchase", null, r.referrerOnFirstPurchase());
			credit(referral, campaign, FRIEND, "first_purchase", null, r.friendOnFirstPurchase());
		}
		Integer days = r.purchasePercentDays();
		if (days == null || purchase.occurredAt().isBefore(referral.createdAt().plus(Duration.ofDays(days)))) {
			BigDecimal share = Money.round(purchase.amount().multiply(r.purchasePercent()).movePointLeft(2));
			credit(referral, campaign, REFERRER, "purchase", purchase.purchaseId(), share);
		}
	}

	/**
	 * A refund of a referred member's purchase: after it, the percentage reward keeps the unrefunded share of the
	 * purchase (all of it taken back on a full refund); the difference is reversed once per refund.
	 */
	@Transactional
	public void onRefund(PurchaseRefunded refund) {
		var purchase = store.refunded(refund.purchaseId(), refund.refundedTotal()).orElse(null);
		if (purchase == null) {
			return;
		}
		store.purchaseReward(refund.purchaseId()).ifPresent(reward -> {
			BigDecimal kept = refund.refundedTotal().compareTo(purchase.amount()) >= 0 ? BigDecimal.ZERO
					: Money.round(reward.amount()
						.multiply(purchase.amount().subtract(refund.refundedTotal()))
						.divide(purchase.amount(), 10, Money.ROUNDING));
			BigDecimal take = reward.amount().subtract(kept).subtract(reward.reversed());
			if (take.signum() <= 0) {
				return;
			}
			String key = reward.key() + ":refund:" + refund.refundId();
			Reversal reversal = ledger.reverseEarn(new ReverseEarnCommand(reward.transactionId(), take,
					Source.refund(refund.refundId()), "Реферальный бонус: возврат покупки друга", "system", key));
			store.reverse(Ids.newId(), reward.id(), refund.refundId(), take, reversal.transactionId(),
					clock.instant());
		});
	}

	private void credit(Referral referral, ReferralCampaign campaign, String role, String trigger,
			@Nullable UUID purchase, BigDecimal amount) {
		if (amount.signum() <= 0) {
			return;
		}
		UUID member = FRIEND.equals(role) ? referral.referredId() : referral.referrerId();
		String key = "referral:" + referral.id() + ":" + role + ":" + trigger
				+ (purchase == null ? "" : ":" + purchase);
		UUID rewardId = Ids.newId();
		Instant now = clock.instant();
		if (!store.claim(rewardId, referral.id(), member, role, trigger, purchase, amount, key, now)) {
			return;
		}
		ProgramId program = TenantContext.require();
		Instant availableAt = now.plus(Duration.ofDays(campaign.holdDays()));
		Instant expiresAt = availableAt.atZone(programs.get(program).timeZone())
			.plus(properties.bonusExpiry())
			.toInstant();
		Posting posting = ledger.earn(new EarnCommand(member, amount, PartyId.club(program), availableAt, expiresAt,
				Reason.REFERRAL_REWARD, Source.of(SourceType.REFERRAL, referral.id()), description(role, trigger),
				"system", key));
		store.setTransaction(rewardId, posting.transactionId());
		events.publishEvent(new ReferralRewarded(program, referral.id(), member, role, amount,
				posting.transactionId(), now));
	}

	private void grant(Referral referral, String role, String quota, int units) {
		UUID member = FRIEND.equals(role) ? referral.referredId() : referral.referrerId();
		Instant now = clock.instant();
		String key = "referral:" + referral.id() + ":" + role + ":quota";
		if (store.grantQuota(Ids.newId(), referral.id(), member, role, quota, units, key, now)) {
			events.publishEvent(new ReferralRewarded(TenantContext.require(), referral.id(), member, role,
					BigDecimal.ZERO.setScale(Money.SCALE), null, now));
		}
	}

	private static String description(String role, String trigger) {
		String why = switch (trigger) {
			case "registration" -> FRIEND.equals(role) ? "регистрация по приглашению" : "друг зарегистрировался";
			case "first_purchase" -> FRIEND.equals(role) ? "первая покупка" : "первая покупка друга";
			default -> "покупка друга";
		};
		return "Реферальный бонус: " + why;
	}
}
