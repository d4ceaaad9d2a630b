package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Earn, release, spend, expire: the life of points, and the FIFO order they are spent in. */
@RecordApplicationEvents
class LedgerLifecycleTests extends LedgerTestSupport {

	@Autowired
	ApplicationEvents events;

	@Test
	void earnIsPendingUntilTheReturnWindowPassesThenReleasedToAvailable() {
		UUID member = aMember();
		PartyId salon = aBusiness();
		Posting earned = earn(member, "500.00", salon);

		assertThat(earned.balance()).isEqualTo(new MemberBalance(pts("0.00"), pts("500.00")));
		assertBalance(member, "0.00", "500.00");
		assertThat(account(LedgerAccount.liability(salon))).isEqualByComparingTo("-500.00");

		clock.tick(RETURN_WINDOW.minusSeconds(1));
		assertThat(as(() -> ledger.releasePending(clock.instant())).lots()).isZero();
		assertBalance(member, "0.00", "500.00");

		clock.tick(Duration.ofSeconds(1));
		LotRun released = as(() -> ledger.releasePending(clock.instant()));
		assertThat(released.lots()).isEqualTo(1);
		assertThat(released.amount()).isEqualByComparingTo("500.00");
		assertBalance(member, "500.00", "0.00");
		assertThat(as(() -> ledger.releasePending(clock.instant())).lots()).as("a second run").isZero();
		assertBalance(member, "500.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void earnAlreadyDueIsAvailableAtOnce() {
		UUID member = aMember();
		Posting earned = earnAvailable(member, "120.50", aBusiness());

		assertThat(earned.balance()).isEqualTo(new MemberBalance(pts("120.50"), pts("0.00")));
		assertThat(earned.replayed()).isFalse();
		assertLedgerOk();
	}

	@Test
	void pendingPointsCannotBeSpent() {
		UUID member = aMember();
		earn(member, "100.00", aBusiness());

		assertRejected(() -> spend(member, "10.00", aBusiness()), LedgerError.INSUFFICIENT_BALANCE);
	}

	@Test
	void expiresWhatIsLeftAfterTwelveMonthsAndPublishesBonusesExpired() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		earnAvailable(member, "100.00", cafe);
		spend(member, "30.00", aBusiness());

		clock.set(twelveMonthsFromNow().minusSeconds(1));
		assertThat(as(() -> ledger.expire(clock.instant())).lots()).isZero();
		clock.tick(Duration.ofSeconds(1));
		Instant now = clock.instant();
		LotRun expired = as(() -> ledger.expire(now));

		assertThat(expired.lots()).isEqualTo(1);
		assertThat(expired.amount()).isEqualByComparingTo("70.00");
		assertBalance(member, "0.00", "0.00");
		assertThat(account(LedgerAccount.liability(cafe))).as("the funder owes nothing any more").isZero();
		assertThat(events.stream(BonusesExpired.class))
			.containsExactly(new BonusesExpired(program, member, pts("70.00"), now));
		assertThat(as(() -> ledger.history(member, HistoryType.EXPIRED, 10, 0)).items())
			.singleElement()
			.satisfies(item -> assertThat(item.amount()).isEqualByComparingTo("-70.00"));

		assertThat(as(() -> ledger.expire(now)).lots()).as("a second run").isZero();
		assertThat(events.stream(BonusesExpired.class)).hasSize(1);
		assertLedgerOk();
	}

	@Test
	void rejectsAnEarnThatWouldExpireBeforeItIsAvailable() {
		UUID member = aMember();
		Instant availableAt = clock.instant().plus(RETURN_WINDOW);

		assertRejected(() -> earn(member, "40.00", aBusiness(), availableAt, availableAt.minusSeconds(1), null),
				LedgerError.INVALID_POSTING);
		assertRejected(() -> earn(member, "40.00", aBusiness(), clock.instant(), clock.instant(), null),
				LedgerError.INVALID_POSTING);
		assertBalance(member, "0.00", "0.00");
	}

	@Test
	void spendsOldestExpiryFirst() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		PartyId salon = aBusiness();
		PartyId florist = aBusiness();
		PartyId bar = aBusiness();
		earnAvailable(member, "50.00", cafe, clock.instant().plus(Duration.ofDays(180)));
		earnAvailable(member, "80.00", salon, clock.instant().plus(Duration.ofDays(90)));
		earnAvailable(member, "40.00", florist, clock.instant().plus(Duration.ofDays(270)));

		spend(member, "100.00", bar);

		assertThat(account(LedgerAccount.liability(salon))).as("expires first: all used").isZero();
		assertThat(account(LedgerAccount.liability(cafe))).as("expires next: 20 used").isEqualByComparingTo("-30.00");
		assertThat(account(LedgerAccount.liability(florist))).as("expires last: untouched")
			.isEqualByComparingTo("-40.00");
		assertThat(account(LedgerAccount.settlement(salon))).isEqualByComparingTo("-80.00");
		assertThat(account(LedgerAccount.settlement(cafe))).isEqualByComparingTo("-20.00");
		assertThat(account(LedgerAccount.settlement(bar))).isEqualByComparingTo("100.00");
		assertBalance(member, "70.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void redeemingAtTheFunderItselfCreatesNoPayable() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		earnAvailable(member, "50.00", cafe);

		spend(member, "50.00", cafe);

		assertThat(account(LedgerAccount.settlement(cafe))).isZero();
		assertThat(account(LedgerAccount.liability(cafe))).isZero();
		assertLedgerOk();
	}

	@Test
	void listsPointsExpiringSoonPerDayInTheProgramTimeZone() {
		UUID member = aMember();
		// 2026-03-20T22:30Z is already March 21 in Moscow.
		Instant lateEvening = Instant.parse("2026-03-20T22:30:00Z");
		earnAvailable(member, "10.00", aBusiness(), lateEvening);
		earnAvailable(member, "15.00", aBusiness(), lateEvening.plus(Duration.ofHours(1)));
		earnAvailable(member, "7.00", aBusiness(), Instant.parse("2026-03-25T10:00:00Z"));
		earnAvailable(member, "99.00", aBusiness(), Instant.parse("2026-06-25T10:00:00Z"));

		Balance balance = balance(member);

		assertThat(balance.total()).isEqualByComparingTo("131.00");
		assertThat(balance.expiringSoon()).containsExactly(
				new Balance.Expiring(pts("25.00"), LocalDate.parse("2026-03-21")),
				new Balance.Expiring(pts("7.00"), LocalDate.parse("2026-03-25")));
	}
}
