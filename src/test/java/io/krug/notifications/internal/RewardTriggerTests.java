package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.identity.Role;
import io.krug.integrations.IntegrationFailing;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import io.krug.referrals.ReferralRewarded;
import io.krug.rewards.AccessTokenExpiring;
import io.krug.rewards.CouponExpiring;
import io.krug.rewards.CurrencyBalanceLow;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RewardTriggerTests extends NotificationTest {

	@Autowired
	PartnersApi partners;

	private void publish(Program program, Object event) {
		inProgram(program, () -> {
			events.publishEvent(event);
			return null;
		});
	}

	@Test
	void tellsOfExpiringCouponsAndTokensAndLowBalance() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		UUID coupon = UUID.randomUUID();
		CouponExpiring expiring = new CouponExpiring(program.id(), coupon, member, "Скидка 10% на стрижку",
				MIDDAY.plus(Duration.ofDays(3)));
		publish(program, expiring);
		publish(program, expiring);
		publish(program, new AccessTokenExpiring(program.id(), UUID.randomUUID(), member, "premium",
				MIDDAY.plus(Duration.ofHours(24))));
		publish(program, new CurrencyBalanceLow(program.id(), member, new BigDecimal("7.00"), BigDecimal.TEN,
				MIDDAY));

		assertThat(messages(program, member).stream().filter(m -> m.type().equals("coupon_expiring")))
			.as("one per channel, however often the event comes")
			.extracting(Message::channel)
			.containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
		assertThat(message(program, member, "coupon_expiring", Channel.IN_APP).bodyText())
			.isEqualTo("«Скидка 10% на стрижку» действует до 26 ноября 2026 г.");
		assertThat(message(program, member, "access_token_expiring", Channel.IN_APP).bodyText())
			.isEqualTo("Токен «premium» истекает 24 ноября 2026 г. в 12:00.");
		Message low = message(program, member, "currency_balance_low", Channel.EMAIL);
		assertThat(low.priority()).isEqualTo("high");
		assertThat(low.bodyText()).contains("на вашем счёте 7 — меньше 10");
	}

	@Test
	void tellsOfReferralBonusesButNotOfQuotaOnlyRewards() {
		Program program = fixtures.program();
		UUID referrer = registered(program);
		UUID friend = registered(program);
		UUID referral = UUID.randomUUID();
		publish(program, new ReferralRewarded(program.id(), referral, referrer, "referrer", new BigDecimal("500.00"),
				UUID.randomUUID(), MIDDAY));
		publish(program, new ReferralRewarded(program.id(), referral, friend, "friend", BigDecimal.ZERO, null,
				MIDDAY));

		assertThat(message(program, referrer, "referral_rewarded", Channel.IN_APP).bodyText())
			.isEqualTo("+500 бонусов за приглашённого друга.");
		assertThat(messages(program, friend)).noneMatch(m -> m.type().equals("referral_rewarded"));
	}

	@Test
	void alertsTheBusinessOwnersAndAdminsOfAFailingIntegrationByEmail() throws Exception {
		Program program = fixtures.program();
		useGreenMail(program);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TenantContext.call(program.id(), partners::categories).size() == 9);
		UUID salon = inProgram(program,
				() -> partners.enrolBusiness("Салон Миндаль", "beauty_salon", null, null, null));
		UUID cafe = inProgram(program, () -> partners.enrolBusiness("Кафе", "gastronomy", null, null, null));
		String owner = fixtures.staff(program, Role.BUSINESS_OWNER, salon);
		String manager = fixtures.staff(program, Role.BUSINESS_MANAGER, salon);
		String otherOwner = fixtures.staff(program, Role.BUSINESS_OWNER, cafe);
		String admin = fixtures.staff(program, Role.PLATFORM_ADMIN, null);

		publish(program, new IntegrationFailing(program.id(), UUID.randomUUID(), salon, "yclients", 5,
				"HTTP 503 <upstream>", MIDDAY));
		deliver(program, clock.instant());

		for (String alerted : List.of(owner, admin)) {
			List<MimeMessage> mail = mailTo(alerted);
			assertThat(mail).as(alerted).hasSize(1);
			assertThat(mail.getFirst().getSubject())
				.isEqualTo(program.name() + ": интеграция yclients не работает (Салон Миндаль)");
			assertThat(part(mail.getFirst(), "text/plain")).contains("не удалась 5 раз подряд",
					"Последняя ошибка: HTTP 503 <upstream>");
			assertThat(part(mail.getFirst(), "text/html")).contains("HTTP 503 &lt;upstream&gt;");
			assertThat(mail.getFirst().getHeader("List-Unsubscribe")).isNull();
		}
		assertThat(mailTo(manager)).isEmpty();
		assertThat(mailTo(otherOwner)).isEmpty();
	}
}
