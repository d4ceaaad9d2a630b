package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.events.internal.WaitlistClosing;
import io.krug.ledger.AccountKind;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.Reason;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Paid events are paid with bonuses through the ledger and refunded by the cancellation rules. */
class PaidEventTests extends EventsTest {

	@Autowired
	WaitlistClosing waitlistClosing;

	UUID business;

	@BeforeEach
	void business() {
		business = business("Лисичкино");
	}

	/** A paid event at the business, 500 a seat, starting in 3 days with a 24-hour cut-off. */
	UUID paidEvent(int capacity) {
		Map<String, Object> body = eventBody("Винный вечер", capacity);
		body.put("format", "paid");
		body.put("price", "500.00");
		body.put("business_id", business);
		body.put("allow_plus_one", true);
		body.put("starts_at", local(Duration.ofDays(3)).toString());
		body.put("ends_at", local(Duration.ofDays(3).plusHours(3)).toString());
		return createEvent(body);
	}

	@Test
	void registeringTakesThePriceFromTheMembersBonusesRedeemedByTheEventsBusiness() {
		UUID event = paidEvent(10);
		Member member = member();
		bonuses(member, "1500.00", business("Миндаль"));
		PartyActivity before = activity();

		Http.Response registered = register(member, event, true);

		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(decimal(exact(registered).path("paid_amount"))).isEqualByComparingTo("1000.00");
		assertThat(available(member)).isEqualByComparingTo("500.00");
		assertThat(settlementRedeemed(activity()).subtract(settlementRedeemed(before))).isEqualByComparingTo("1000.00");
	}

	@Test
	void aRetriedPaidRegistrationWithTheSameIdempotencyKeyIsReplayedAndPaidOnce() {
		UUID event = paidEvent(10);
		Member member = member();
		bonuses(member, "1000.00", business);

		Http.Response first = http.post("/api/v1/events/" + event + "/register")
			.bearer(member.token())
			.idempotencyKey("reg-" + member.id())
			.json(Map.of("plus_one", false))
			.send();
		Http.Response retry = http.post("/api/v1/events/" + event + "/register")
			.bearer(member.token())
			.idempotencyKey("reg-" + member.id())
			.json(Map.of("plus_one", false))
			.send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotency-Replay")).contains("true");
		assertThat(retry.text("registration_id")).isEqualTo(first.text("registration_id"));
		assertThat(available(member)).isEqualByComparingTo("500.00");
	}

	@Test
	void withTooFewBonusesTheLedgerRefusesAndNoRegistrationIsLeft() {
		UUID event = paidEvent(10);
		Member member = member();
		bonuses(member, "499.99", business);

		Http.Response refused = register(member, event);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("insufficient_balance");
		assertThat(event(member.token(), event).path("is_registered").asBoolean()).isFalse();
		assertThat(event(member.token(), event).path("registered_count").asInt()).isZero();
		assertThat(available(member)).isEqualByComparingTo("499.99");
	}

	@Test
	void cancellingBeforeTheCutOffRefundsAndAfterItDoesNot() {
		UUID event = paidEvent(10);
		Member early = member();
		Member late = member();
		bonuses(early, "500.00", business);
		bonuses(late, "500.00", business);
		register(early, event);
		register(late, event);

		Http.Response earlyCancel = cancel(early, event);
		clock.tick(Duration.ofDays(2).plusHours(1));
		Http.Response lateCancel = cancel(refreshed(late), event);

		assertThat(decimal(exact(earlyCancel).path("refunded_amount"))).isEqualByComparingTo("500.00");
		assertThat(available(early)).isEqualByComparingTo("500.00");
		assertThat(lateCancel.status()).as(lateCancel.toString()).isEqualTo(200);
		assertThat(decimal(exact(lateCancel).path("refunded_amount"))).isEqualByComparingTo("0.00");
		assertThat(available(late)).isEqualByComparingTo("0.00");
	}

	@Test
	void waitlistedMembersPayUpFrontAndAreRefundedIfNoSeatComes() {
		UUID event = paidEvent(1);
		Member seated = member();
		Member cancelsWhileWaiting = member();
		Member stillWaiting = member();
		for (Member m : java.util.List.of(seated, cancelsWhileWaiting, stillWaiting)) {
			bonuses(m, "500.00", business);
			register(m, event);
		}
		assertThat(available(stillWaiting)).isEqualByComparingTo("0.00");

		cancel(cancelsWhileWaiting, event);
		clock.tick(Duration.ofDays(3).plusMinutes(1));
		int closed = inProgram(program, () -> waitlistClosing.closeStarted());

		assertThat(available(cancelsWhileWaiting)).isEqualByComparingTo("500.00");
		// the recurring job may have closed it a moment earlier: the refund, not who made it, is the point
		assertThat(closed).isBetween(0, 1);
		assertThat(available(stillWaiting)).isEqualByComparingTo("500.00");
		assertThat(available(seated)).isEqualByComparingTo("0.00");
		assertThat(inProgram(program, () -> waitlistClosing.closeStarted())).isZero();
	}

	@Test
	void cancellingTheEventRefundsEveryone() {
		UUID event = paidEvent(10);
		Member member = member();
		bonuses(member, "500.00", business);
		register(member, event);
		clock.tick(Duration.ofDays(2).plusHours(12));

		Http.Response cancelled = http.post("/api/v1/admin/events/" + event + "/cancel")
			.bearer(fixtures.adminToken(program))
			.json(Map.of("reason", "Площадка закрыта"))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(available(member)).isEqualByComparingTo("500.00");
	}

	@Test
	void formatAndPriceAreFixedOnceMembersPaid() {
		UUID event = paidEvent(10);
		Member member = member();
		bonuses(member, "500.00", business);
		register(member, event);

		Http.Response repriced = http.patch("/api/v1/admin/events/" + event)
			.bearer(admin)
			.json(Map.of("price", "700.00"))
			.send();

		assertThat(repriced.status()).isEqualTo(409);
		assertThat(repriced.text("code")).isEqualTo("event_has_registrations");
	}

	private PartyActivity activity() {
		return inProgram(program, () -> ledger.partyActivity(PartyId.business(business),
				clock.instant().minus(1, ChronoUnit.DAYS), clock.instant().plus(1, ChronoUnit.DAYS)));
	}

	private static BigDecimal settlementRedeemed(PartyActivity activity) {
		return activity.lines()
			.stream()
			.filter(l -> l.account() == AccountKind.SETTLEMENT && l.reason() == Reason.REWARD_REDEMPTION)
			.map(PartyActivity.Line::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
