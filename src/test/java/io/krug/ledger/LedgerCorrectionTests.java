package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refunds reverse earns, restores give spends back: never more than the original, always balanced. */
class LedgerCorrectionTests extends LedgerTestSupport {

	@Test
	void refundTakesBackFromTheEarnsOwnLotFirst() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		Posting earned = earn(member, "100.00", cafe);

		Reversal reversal = refund(earned, "40.00");

		assertThat(reversal.fromLot()).isEqualByComparingTo("40.00");
		assertThat(reversal.fromBalance()).isZero();
		assertThat(reversal.loss()).isZero();
		assertThat(reversal.balance()).isEqualTo(new MemberBalance(pts("0.00"), pts("60.00")));
		assertThat(account(LedgerAccount.liability(cafe))).isEqualByComparingTo("-60.00");

		clock.tick(RETURN_WINDOW);
		as(() -> ledger.releasePending(clock.instant()));
		assertBalance(member, "60.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void refundAfterSpendTakesTheShortfallFromOtherPointsAndRecordsTheRestAsLoss() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		PartyId salon = aBusiness();
		PartyId bar = aBusiness();
		Posting cafeEarn = earnAvailable(member, "100.00", cafe, clock.instant().plus(java.time.Duration.ofDays(60)));
		earnAvailable(member, "30.00", salon);
		spend(member, "120.00", bar);

		Reversal reversal = refund(cafeEarn, "100.00");

		assertThat(reversal.fromLot()).as("the cafe's lot was spent").isZero();
		assertThat(reversal.fromBalance()).as("what was left of the salon's").isEqualByComparingTo("10.00");
		assertThat(reversal.loss()).isEqualByComparingTo("90.00");
		assertBalance(member, "0.00", "0.00");
		assertThat(account(LedgerAccount.loss(cafe))).isEqualByComparingTo("-90.00");
		assertThat(account(LedgerAccount.settlement(salon))).as("the salon's points paid the cafe back")
			.isEqualByComparingTo("-30.00");
		assertThat(account(LedgerAccount.settlement(cafe))).isEqualByComparingTo("-90.00");
		assertThat(account(LedgerAccount.settlement(bar))).isEqualByComparingTo("120.00");
		assertLedgerOk();
	}

	@Test
	void reversalsOfAnEarnNeverExceedIt() {
		UUID member = aMember();
		Posting earned = earnAvailable(member, "100.00", aBusiness());

		refund(earned, "60.00");
		assertRejected(() -> refund(earned, "40.01"), LedgerError.REVERSAL_EXCEEDS_ORIGINAL);
		refund(earned, "40.00");
		assertRejected(() -> refund(earned, "0.01"), LedgerError.REVERSAL_EXCEEDS_ORIGINAL);

		assertBalance(member, "0.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void onlyEarnsCanBeReversedAndOnlySpendsRestored() {
		UUID member = aMember();
		earnAvailable(member, "50.00", aBusiness());
		Posting spent = spend(member, "10.00", aBusiness());
		Posting adjusted = adjust(member, "5.00", "Goodwill");

		assertRejected(() -> refund(spent.transactionId(), "1.00", null), LedgerError.NOT_REVERSIBLE);
		assertRejected(() -> refund(adjusted.transactionId(), "1.00", null), LedgerError.NOT_REVERSIBLE);
		assertRejected(() -> refund(Ids.newId(), "1.00", null), LedgerError.TRANSACTION_NOT_FOUND);
		assertRejected(() -> restore(adjusted, "1.00"), LedgerError.NOT_REVERSIBLE);
	}

	@Test
	void restoresASpendProportionallyToTheLotsItUsed() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		PartyId salon = aBusiness();
		PartyId bar = aBusiness();
		earnAvailable(member, "60.00", cafe, clock.instant().plus(java.time.Duration.ofDays(30)));
		earnAvailable(member, "40.00", salon);
		Posting spent = spend(member, "100.00", bar);

		Posting restored = restore(spent, "50.00");

		assertThat(restored.balance()).isEqualTo(new MemberBalance(pts("50.00"), pts("0.00")));
		assertThat(account(LedgerAccount.liability(cafe))).isEqualByComparingTo("-30.00");
		assertThat(account(LedgerAccount.liability(salon))).isEqualByComparingTo("-20.00");
		assertThat(account(LedgerAccount.settlement(cafe))).isEqualByComparingTo("-30.00");
		assertThat(account(LedgerAccount.settlement(salon))).isEqualByComparingTo("-20.00");
		assertThat(account(LedgerAccount.settlement(bar))).isEqualByComparingTo("50.00");
		assertLedgerOk();
	}

	@Test
	void restoresOfASpendNeverExceedIt() {
		UUID member = aMember();
		earnAvailable(member, "10.00", aBusiness());
		earnAvailable(member, "10.00", aBusiness());
		earnAvailable(member, "10.00", aBusiness());
		Posting spent = spend(member, "10.00", aBusiness());
		spend(member, "20.00", aBusiness());

		restore(spent, "3.33");
		restore(spent, "3.33");
		assertRejected(() -> restore(spent, "3.35"), LedgerError.REVERSAL_EXCEEDS_ORIGINAL);
		restore(spent, "3.34");
		assertRejected(() -> restore(spent, "0.01"), LedgerError.REVERSAL_EXCEEDS_ORIGINAL);

		assertBalance(member, "10.00", "0.00");
		assertLedgerOk();
	}

	@Test
	void restoredPointsOfAnExpiredLotExpireAtTheNextRun() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		earnAvailable(member, "50.00", cafe, clock.instant().plus(java.time.Duration.ofDays(10)));
		Posting spent = spend(member, "50.00", aBusiness());
		clock.tick(java.time.Duration.ofDays(11));

		restore(spent, "20.00");
		assertBalance(member, "20.00", "0.00");
		as(() -> ledger.expire(clock.instant()));

		assertBalance(member, "0.00", "0.00");
		assertThat(account(LedgerAccount.liability(cafe))).isZero();
		assertLedgerOk();
	}

	@Test
	void adjustsUpWithAClubFundedLotAvailableAtOnce() {
		UUID member = aMember();

		Posting adjusted = adjust(member, "100.00", "Compensation for a cancelled event");

		assertThat(adjusted.balance()).isEqualTo(new MemberBalance(pts("100.00"), pts("0.00")));
		assertThat(account(LedgerAccount.liability(club()))).isEqualByComparingTo("-100.00");
		assertThat(as(() -> ledger.balance(member, java.time.Duration.ofDays(400))).expiringSoon())
			.containsExactly(new Balance.Expiring(pts("100.00"), java.time.LocalDate.parse("2027-03-02")));
		History.Item item = as(() -> ledger.history(member, null, 10, 0)).items().getFirst();
		assertThat(item.type()).isEqualTo(HistoryType.ADJUSTED);
		assertThat(item.description()).isEqualTo("Compensation for a cancelled event");
		assertLedgerOk();
	}

	@Test
	void adjustsDownLikeASpendButNeverBelowZero() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		earnAvailable(member, "80.00", cafe);

		adjust(member, "-30.00", "Duplicate cashback");
		assertRejected(() -> adjust(member, "-50.01", "Too much"), LedgerError.INSUFFICIENT_BALANCE);

		assertBalance(member, "50.00", "0.00");
		assertThat(account(LedgerAccount.liability(cafe))).isEqualByComparingTo("-50.00");
		assertThat(account(LedgerAccount.settlement(cafe))).as("no one to settle with").isZero();
		assertLedgerOk();
	}

	@Test
	void rejectsAdjustmentsWithoutAReasonOrAmount() {
		UUID member = aMember();

		assertRejected(() -> adjust(member, "0.00", "Nothing"), LedgerError.INVALID_AMOUNT);
		assertRejected(() -> adjust(member, "1.005", "Fractions"), LedgerError.INVALID_AMOUNT);
		assertRejected(() -> adjust(member, "10.00", "  "), io.krug.platform.web.PlatformError.VALIDATION_FAILED);
		assertBalance(member, "0.00", "0.00");
	}
}
