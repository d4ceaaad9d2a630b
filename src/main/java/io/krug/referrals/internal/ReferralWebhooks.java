package io.krug.referrals.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.referrals.ReferralAttributed;
import io.krug.referrals.ReferralRewarded;
import io.krug.webhooks.WebhookEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referrals' entries in the webhook catalog. */
@Configuration(proxyBeanMethods = false)
class ReferralWebhooks {

	private static final ProgramId PROGRAM = ProgramId.of("01a20606-dd14-777d-99d6-aa366c22e967");

	private static final UUID REFERRAL = UUID.fromString("01a20700-1a2b-7c3d-8e4f-5a6b7c8d9e0f");

	private static final UUID REFERRER = UUID.fromString("01a20606-be43-7485-b59f-70cda3690a70");

	private static final UUID FRIEND = UUID.fromString("01a206ff-0c1d-7e2f-9a3b-4c5d6e7f8a9b");

	private static final UUID CAMPAIGN = UUID.fromString("01a206f0-aaaa-7bbb-8ccc-dddddddddddd");

	private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

	@Bean
	WebhookEventType<ReferralAttributed> referralAttributedWebhook() {
		return WebhookEventType.of("referral.attributed", ReferralAttributed.class,
				"A new member registered with a member's referral code and was attributed to them.",
				new ReferralAttributed(PROGRAM, REFERRAL, REFERRER, FRIEND, CAMPAIGN, AT))
			.aboutMember(ReferralAttributed::referrerId);
	}

	@Bean
	WebhookEventType<ReferralRewarded> referralRewardedWebhook() {
		return WebhookEventType.of("referral.rewarded", ReferralRewarded.class,
				"A referral reward was credited to the referrer or the friend (bonuses, or quota units with bonus 0).",
				new ReferralRewarded(PROGRAM, REFERRAL, REFERRER, "referrer", new BigDecimal("100.00"),
						UUID.fromString("01a20701-0000-7000-8000-000000000001"), AT))
			.aboutMember(ReferralRewarded::memberId);
	}
}
