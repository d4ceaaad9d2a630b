package io.krug.loyalty.purchases;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerApi;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.loyalty.BonusesEarned;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.loyalty.status.MemberStatuses;
import io.krug.loyalty.status.StatusReason;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits the purchases a phone made before it became a member (seed 003's sync finds customers "not in the
 * ecosystem"; Krug keeps their purchases for {@code unmatchedClaimDays}). On registration the member gets the
 * bonuses as at registration (the new member's status, new-category multiplier, the business's promotion at the
 * purchase's time); the events budget was taken when the purchase was recorded. Purchases older than the claim
 * window, and purchases (partly) refunded before the claim, stay unmatched.
 */
@Service
class UnmatchedClaims {

	private final PurchaseStore store;

	private final IdentityApi identity;

	private final PartnersApi partners;

	private final LoyaltyRulesService rules;

	private final LedgerApi ledger;

	private final MemberStatuses statuses;

	private final ProgramZones zones;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UnmatchedClaims(PurchaseStore store, IdentityApi identity, PartnersApi partners, LoyaltyRulesService rules,
			LedgerApi ledger, MemberStatuses statuses, ProgramZones zones, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.partners = partners;
		this.rules = rules;
		this.ledger = ledger;
		this.statuses = statuses;
		this.zones = zones;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Credits the phone's unmatched purchases to the member. Safe to repeat: purchases already credited are no
	 * longer unmatched, and the earn's key is the purchase's.
	 *
	 * @param registeredAt when the member registered; purchases within the claim window before it are credited
	 * @return how many purchases were credited
	 */
	@Transactional
	public int claim(UUID memberId, String phone, Instant registeredAt) {
		MemberSummary member = identity.findMember(memberId).filter(MemberSummary::active).orElse(null);
		if (member == null) {
			return 0;
		}
		LoyaltyRules current = rules.current();
		List<PurchaseRow> purchases = store.lockClaimable(phone,
				registeredAt.minus(Duration.ofDays(current.unmatchedClaimDays())));
		for (PurchaseRow purchase : purchases) {
			credit(purchase, member, current);
		}
		if (!purchases.isEmpty()) {
			statuses.recompute(memberId, StatusReason.PURCHASE);
		}
		return purchases.size();
	}

	private void credit(PurchaseRow purchase, MemberSummary member, LoyaltyRules current) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean newCategory = store.claimCategory(member.id(), purchase.category(), purchase.id(), now);
		BigDecimal bonuses = Earnings.bonuses(current, member.status(), purchase.amount(), purchase.bonusesSpent(),
				newCategory, partners.promotionMultiplier(purchase.businessId(), purchase.occurredAt()));
		Instant pendingUntil = purchase.occurredAt().plus(Duration.ofDays(current.returnWindowDays()));
		Posting earn = bonuses.signum() == 0 ? null : earn(purchase, member, bonuses, pendingUntil, current, now);
		store.match(purchase.id(), member.id(), bonuses, earn == null ? null : earn.transactionId(),
				earn == null ? null : pendingUntil, member.status(), now);
		if (earn != null) {
			events.publishEvent(
					new BonusesEarned(TenantContext.require(), member.id(), purchase.id(), bonuses, pendingUntil));
		}
	}

	private @Nullable Posting earn(PurchaseRow purchase, MemberSummary member, BigDecimal bonuses,
			Instant pendingUntil, LoyaltyRules current, Instant now) {
		ZoneId zone = zones.of(TenantContext.require());
		return ledger.earn(new EarnCommand(member.id(), bonuses, PartyId.business(purchase.businessId()), pendingUntil,
				now.atZone(zone).plusMonths(current.expiryMonths()).toInstant(), Reason.PURCHASE_EARN,
				Source.purchase(purchase.id()), purchase.description(), "system",
				"purchase:" + purchase.id() + ":earn"));
	}
}
