package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.CouponExpiring;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ExpiringCouponTests extends CouponTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	ExpiringCoupons expiring;

	@Test
	void announcesEachUnusedCouponOnceThreeDaysBeforeItEnds() {
		club();
		UUID salon = business();
		Map<String, Object> body = campaignBody(salon);
		body.put("valid_until", clock.instant().plus(Duration.ofDays(5)).toString());
		UUID campaign = campaign(body);
		Member anna = member();
		Member bella = member();
		issue(campaign, List.of(anna.id(), bella.id()));
		String bellasCode = coupons(bella).path("coupons").get(0).path("code").asString();
		assertThat(redeemWithPurchase(bellasCode, salon, bella.id(), "3000.00").status()).isEqualTo(201);

		assertThat(TenantContext.call(program.id(), expiring::announceAll)).as("five days ahead: not yet").isZero();
		clock.tick(Duration.ofDays(2).plusHours(1));
		assertThat(TenantContext.call(program.id(), expiring::announceAll)).isEqualTo(1);
		assertThat(TenantContext.call(program.id(), expiring::announceAll)).as("once per coupon").isZero();

		List<CouponExpiring> announced = events.stream(CouponExpiring.class)
			.filter(e -> e.programId().equals(program.id()))
			.toList();
		assertThat(announced).singleElement().satisfies(e -> {
			assertThat(e.memberId()).as("Bella used hers").isEqualTo(anna.id());
			assertThat(e.title()).isEqualTo("Скидка 500 ₽");
		});
	}
}
