package io.krug.rewards.tokens;

import io.krug.platform.tenancy.ProgramId;
import io.krug.rewards.AccessTokenIssued;
import io.krug.rewards.BundlePurchased;
import io.krug.webhooks.WebhookEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bundles' and access tokens' entries in the webhook catalog. */
@Configuration(proxyBeanMethods = false)
class TokenWebhooks {

	private static final ProgramId PROGRAM = ProgramId.of("01a20606-dd14-777d-99d6-aa366c22e967");

	private static final UUID MEMBER = UUID.fromString("01a20606-be43-7485-b59f-70cda3690a70");

	private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

	@Bean
	WebhookEventType<BundlePurchased> bundlePurchasedWebhook() {
		return WebhookEventType.of("bundle.purchased", BundlePurchased.class,
				"A member bought a bundle of access tokens with the program's currency.",
				new BundlePurchased(PROGRAM, UUID.fromString("01a2a000-0000-7000-8000-000000000001"), MEMBER,
						UUID.fromString("01a2a000-0000-7000-8000-000000000002"), new BigDecimal("81.00"), 5, AT))
			.aboutMember(BundlePurchased::memberId);
	}

	@Bean
	WebhookEventType<AccessTokenIssued> accessTokenIssuedWebhook() {
		return WebhookEventType.of("access_token.issued", AccessTokenIssued.class,
				"An access token was issued to a member (bought singly or in a bundle); never carries the secret.",
				new AccessTokenIssued(PROGRAM, UUID.fromString("01a2a000-0000-7000-8000-000000000003"), MEMBER, "full",
						AT.plus(java.time.Duration.ofHours(24))))
			.aboutMember(AccessTokenIssued::memberId);
	}
}
