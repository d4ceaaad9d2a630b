package io.krug.webhooks.internal;

import io.krug.identity.MemberErased;
import io.krug.identity.MemberRegistered;
import io.krug.identity.MemberStatus;
import io.krug.ledger.BonusesExpired;
import io.krug.loyalty.BadgeAwarded;
import io.krug.loyalty.BonusesEarned;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchaseRefunded;
import io.krug.loyalty.TierChanged;
import io.krug.partners.BusinessDeactivated;
import io.krug.partners.BusinessJoined;
import io.krug.platform.tenancy.ProgramId;
import io.krug.webhooks.WebhookEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog entries of the events that exist today. Modules that add events register theirs the same way (see
 * {@link WebhookEventType}).
 */
@Configuration(proxyBeanMethods = false)
class CoreWebhookEventTypes {

	static final ProgramId PROGRAM = ProgramId.of("0193a5b0-7e00-7000-8000-000000000001");

	static final UUID MEMBER = UUID.fromString("0193a5b0-7e00-7000-8000-0000000000a1");

	static final UUID BUSINESS = UUID.fromString("0193a5b0-7e00-7000-8000-0000000000b1");

	static final UUID PURCHASE = UUID.fromString("0193a5b0-7e00-7000-8000-0000000000c1");

	static final Instant AT = Instant.parse("2025-11-10T12:00:00Z");

	static final UUID REFUND = UUID.fromString("0193a5b0-7e00-7000-8000-0000000000d1");

	@Bean
	WebhookEventType<PurchaseRecorded> purchaseRecordedWebhook() {
		return WebhookEventType
			.of("purchase.recorded", PurchaseRecorded.class,
					"A partner business recorded a purchase. member_id is null while the buyer is not a member "
							+ "(an unmatched purchase); engaged: the platform brought it (commission applies).",
					new PurchaseRecorded(PROGRAM, PURCHASE, MEMBER, BUSINESS, new BigDecimal("3000.00"),
							"beauty_salon", true, AT))
			.aboutMember(PurchaseRecorded::memberId);
	}

	@Bean
	WebhookEventType<PurchaseRefunded> purchaseRefundedWebhook() {
		return WebhookEventType
			.of("purchase.refunded", PurchaseRefunded.class,
					"(Part of) a purchase was refunded: this refund's amount, all refunds so far, the bonuses taken "
							+ "back and the spent bonuses given back.",
					new PurchaseRefunded(PROGRAM, PURCHASE, REFUND, MEMBER, BUSINESS, new BigDecimal("1000.00"),
							new BigDecimal("1000.00"), new BigDecimal("50.00"), BigDecimal.ZERO.setScale(2), AT))
			.aboutMember(PurchaseRefunded::memberId);
	}

	@Bean
	WebhookEventType<BonusesEarned> bonusesEarnedWebhook() {
		return WebhookEventType
			.of("bonuses.earned", BonusesEarned.class,
					"A member earned bonuses for a purchase, spendable from available_at (the end of the return "
							+ "window).",
					new BonusesEarned(PROGRAM, MEMBER, PURCHASE, new BigDecimal("150.00"), AT.plusSeconds(14 * 86400)))
			.aboutMember(BonusesEarned::memberId);
	}

	@Bean
	WebhookEventType<MemberRegistered> memberRegisteredWebhook() {
		return WebhookEventType
			.of("member.registered", MemberRegistered.class,
					"A member joined the program: registered themselves (source self) or imported by an admin "
							+ "(import), with the referral code they gave. No personal data: read the profile "
							+ "through the API.",
					new MemberRegistered(PROGRAM, MEMBER, "+79991234567", "ANNA2025", null, "self", AT))
			.aboutMember(MemberRegistered::memberId)
			.omit("phone", "deviceFingerprint");
	}

	@Bean
	WebhookEventType<MemberErased> memberErasedWebhook() {
		return WebhookEventType
			.of("member.erased", MemberErased.class,
					"A member deleted their account; drop what you keep about them beyond accounting.",
					new MemberErased(PROGRAM, MEMBER, AT))
			.aboutMember(MemberErased::memberId);
	}

	@Bean
	WebhookEventType<BonusesExpired> bonusesExpiredWebhook() {
		return WebhookEventType
			.of("bonuses.expired", BonusesExpired.class, "Some of a member's bonuses expired unspent.",
					new BonusesExpired(PROGRAM, MEMBER, new BigDecimal("150.00"), AT))
			.aboutMember(BonusesExpired::memberId);
	}

	@Bean
	WebhookEventType<TierChanged> tierChangedWebhook() {
		return WebhookEventType
			.of("tier.changed", TierChanged.class,
					"A member's status (tier) changed: up after purchases or an invitation, down after refunds or "
							+ "as the 12-month window moved.",
					new TierChanged(PROGRAM, MEMBER, MemberStatus.INSIDER, MemberStatus.VIP, AT))
			.aboutMember(TierChanged::memberId);
	}

	@Bean
	WebhookEventType<BadgeAwarded> badgeAwardedWebhook() {
		return WebhookEventType
			.of("badge.awarded", BadgeAwarded.class, "A member earned a badge (once per member and badge).",
					new BadgeAwarded(PROGRAM, MEMBER, "category:dentistry", AT))
			.aboutMember(BadgeAwarded::memberId);
	}

	@Bean
	WebhookEventType<BusinessJoined> businessJoinedWebhook() {
		return WebhookEventType.of("business.joined", BusinessJoined.class, "A partner business joined the program.",
				new BusinessJoined(PROGRAM, BUSINESS, "Салон Миндаль", "beauty_salon", LocalDate.of(2025, 11, 10)));
	}

	@Bean
	WebhookEventType<BusinessDeactivated> businessDeactivatedWebhook() {
		return WebhookEventType.of("business.deactivated", BusinessDeactivated.class,
				"A partner business left the program or was suspended.",
				new BusinessDeactivated(PROGRAM, BUSINESS, AT));
	}
}
