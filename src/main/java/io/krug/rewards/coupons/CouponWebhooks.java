package io.krug.rewards.coupons;

import io.krug.platform.tenancy.ProgramId;
import io.krug.rewards.CouponRedeemed;
import io.krug.webhooks.WebhookEventType;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coupons' entry in the webhook catalog. */
@Configuration(proxyBeanMethods = false)
class CouponWebhooks {

	@Bean
	WebhookEventType<CouponRedeemed> couponRedeemedWebhook() {
		return WebhookEventType.of("coupon.redeemed", CouponRedeemed.class,
				"A coupon or promo code was redeemed with a purchase at a business's till.",
				new CouponRedeemed(ProgramId.of("01a20606-dd14-777d-99d6-aa366c22e967"),
						UUID.fromString("01a20700-1111-7a00-8000-000000000001"),
						UUID.fromString("01a20700-2222-7a00-8000-000000000002"),
						UUID.fromString("01a20606-be43-7485-b59f-70cda3690a70"),
						UUID.fromString("01a20700-3333-7a00-8000-000000000003"),
						UUID.fromString("01a20700-4444-7a00-8000-000000000004"), Instant.parse("2026-11-24T12:00:00Z")))
			.aboutMember(CouponRedeemed::memberId);
	}
}
