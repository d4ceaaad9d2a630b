package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.krug.platform.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** General postings and what the ledger tells: history, party activity, payables between parties. */
class LedgerRecordsTests extends LedgerTestSupport {

	@Test
	void postsBalancedTransactionsBetweenPartyAndClubAccounts() {
		PartyId cafe = aBusiness();

		PostedTransaction posted = as(() -> ledger.post(new PostCommand(Reason.COMMISSION,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(cafe), pts("-90.00")),
						new PostCommand.Leg(LedgerAccount.platformRevenue(program), pts("90.00"))),
				Source.purchase(Ids.newId()), "3% of 3000.00", "system", null)));

		assertThat(posted.replayed()).isFalse();
		assertThat(account(LedgerAccount.settlement(cafe))).isEqualByComparingTo("-90.00");
		assertThat(account(LedgerAccount.platformRevenue(program))).isEqualByComparingTo("90.00");
		assertLedgerOk();
	}

	@Test
	void rejectsPostingsThatDoNotBalanceOrTouchAccountsMovedOnlyWithLots() {
		PartyId cafe = aBusiness();
		UUID member = aMember();

		assertRejected(() -> post(Reason.BUDGET_CONTRIBUTION, LedgerAccount.settlement(cafe), "-100.00",
				LedgerAccount.eventsBudget(program), "99.99"), LedgerError.INVALID_POSTING);
		assertRejected(() -> post(Reason.TRANSFER, LedgerAccount.settlement(cafe), "-10.00",
				LedgerAccount.memberAvailable(member), "10.00"), LedgerError.INVALID_POSTING);
		assertRejected(() -> post(Reason.TRANSFER, LedgerAccount.liability(cafe), "-10.00",
				LedgerAccount.settlement(cafe), "10.00"), LedgerError.INVALID_POSTING);
		assertRejected(() -> post(Reason.TRANSFER, LedgerAccount.settlement(cafe), "-10.00",
				LedgerAccount.eventsBudget(new io.krug.platform.tenancy.ProgramId(Ids.newId())), "10.00"),
				LedgerError.INVALID_POSTING);
		assertRejected(() -> post(Reason.PURCHASE_EARN, LedgerAccount.settlement(cafe), "-10.00",
				LedgerAccount.eventsBudget(program), "10.00"), LedgerError.INVALID_POSTING);
		assertRejected(() -> post(Reason.TRANSFER, LedgerAccount.settlement(cafe), "-10.00",
				LedgerAccount.settlement(cafe), "10.00"), LedgerError.INVALID_POSTING);
		assertThat(account(LedgerAccount.settlement(cafe))).isZero();
	}

	@Test
	void rejectsTextsTheLedgerCannotKeep() {
		UUID member = aMember();
		PartyId cafe = aBusiness();

		assertRejected(() -> as(() -> ledger.earn(new EarnCommand(member, pts("1.00"), cafe, clock.instant(),
				twelveMonthsFromNow(), Reason.PURCHASE_EARN, Source.purchase(Ids.newId()), "x".repeat(501), "system",
				null))), LedgerError.INVALID_POSTING);
		assertRejected(() -> as(() -> ledger.earn(new EarnCommand(member, pts("1.00"), cafe, clock.instant(),
				twelveMonthsFromNow(), Reason.PURCHASE_EARN, Source.purchase(Ids.newId()), null, " ", null))),
				LedgerError.INVALID_POSTING);
		assertRejected(() -> as(() -> ledger.spend(new SpendCommand(member, pts("1.00"), cafe, Reason.PURCHASE_EARN,
				Source.purchase(Ids.newId()), null, "system", null))), LedgerError.INVALID_POSTING);
		assertBalance(member, "0.00", "0.00");
	}

	@Test
	void listsAMembersHistoryNewestFirstWithTypesAndTotal() {
		UUID member = aMember();
		PartyId cafe = aBusiness();
		PartyId bar = aBusiness();
		Posting earned = earnAvailable(member, "100.00", cafe);
		clock.tick(Duration.ofMinutes(1));
		spend(member, "25.00", bar);
		clock.tick(Duration.ofMinutes(1));
		adjust(member, "-5.00", "Correction");
		clock.tick(Duration.ofMinutes(1));
		refund(earned, "70.00");

		History all = as(() -> ledger.history(member, null, 10, 0));

		assertThat(all.total()).isEqualTo(4);
		assertThat(all.items()).extracting(History.Item::type, item -> item.amount().toPlainString(),
				History.Item::partyId)
			.containsExactly(tuple(HistoryType.REFUNDED, "-70.00", cafe.value()),
					tuple(HistoryType.ADJUSTED, "-5.00", program.value()),
					tuple(HistoryType.SPENT, "-25.00", bar.value()),
					tuple(HistoryType.EARNED, "100.00", cafe.value()));
		assertThat(all.items().getLast().sourceType()).isEqualTo(SourceType.PURCHASE);
		assertThat(all.items().getLast().description()).isEqualTo("Cashback");

		History page = as(() -> ledger.history(member, null, 2, 2));
		assertThat(page.total()).isEqualTo(4);
		assertThat(page.items()).extracting(History.Item::type).containsExactly(HistoryType.SPENT, HistoryType.EARNED);
		History spent = as(() -> ledger.history(member, HistoryType.SPENT, 10, 0));
		assertThat(spent.total()).isEqualTo(1);
		assertRejected(() -> as(() -> ledger.history(member, null, 0, 0)),
				io.krug.platform.web.PlatformError.VALIDATION_FAILED);
	}

	@Test
	void releasesAreNotPartOfAMembersHistory() {
		UUID member = aMember();
		earn(member, "10.00", aBusiness());
		clock.tick(RETURN_WINDOW);
		as(() -> ledger.releasePending(clock.instant()));

		assertThat(as(() -> ledger.history(member, null, 10, 0)).items()).extracting(History.Item::type)
			.containsExactly(HistoryType.EARNED);
	}

	@Test
	void nettsPayablesBetweenPartiesForAPeriod() {
		PartyId cafe = aBusiness();
		PartyId bar = aBusiness();
		UUID member = aMember();
		Instant from = clock.instant();
		earnAvailable(member, "100.00", cafe);
		spend(member, "100.00", bar);
		earnAvailable(member, "30.00", bar);
		spend(member, "30.00", cafe);
		post(Reason.COMMISSION, LedgerAccount.settlement(bar), "-5.00", LedgerAccount.platformRevenue(program), "5.00");
		clock.tick(Duration.ofDays(40));
		earnAvailable(member, "50.00", cafe);
		spend(member, "50.00", bar);

		List<Payable> payables = as(() -> ledger.settlementBetween(from, from.plus(Duration.ofDays(31))));

		assertThat(payables).containsExactlyInAnyOrder(new Payable(cafe, bar, pts("70.00")),
				new Payable(bar, club(), pts("5.00")));
	}

	@Test
	void sumsAPartysActivityPerAccountAndReason() {
		PartyId cafe = aBusiness();
		UUID member = aMember();
		Instant from = clock.instant();
		earnAvailable(member, "100.00", cafe);
		earnAvailable(member, "20.00", cafe);
		spend(member, "50.00", aBusiness());
		post(Reason.BUDGET_CONTRIBUTION, LedgerAccount.settlement(cafe), "-2.40", LedgerAccount.eventsBudget(program),
				"2.40");

		PartyActivity activity = as(() -> ledger.partyActivity(cafe, from, clock.instant().plusSeconds(1)));

		assertThat(activity.lines()).extracting(PartyActivity.Line::account, PartyActivity.Line::reason,
				line -> line.amount().toPlainString(), PartyActivity.Line::legs)
			.containsExactlyInAnyOrder(tuple(AccountKind.LIABILITY, Reason.PURCHASE_EARN, "-120.00", 2L),
					tuple(AccountKind.LIABILITY, Reason.PURCHASE_SPEND, "50.00", 1L),
					tuple(AccountKind.SETTLEMENT, Reason.PURCHASE_SPEND, "-50.00", 1L),
					tuple(AccountKind.SETTLEMENT, Reason.BUDGET_CONTRIBUTION, "-2.40", 1L));
		assertThat(activity.closing()).extracting(PartyActivity.AccountBalance::account,
				b -> b.balance().toPlainString())
			.containsExactly(tuple(AccountKind.LIABILITY, "-70.00"), tuple(AccountKind.SETTLEMENT, "-52.40"));
		assertThat(account(LedgerAccount.eventsBudget(program))).isEqualByComparingTo("2.40");
	}

	private PostedTransaction post(Reason reason, LedgerAccount from, String fromAmount, LedgerAccount to,
			String toAmount) {
		return as(() -> ledger.post(new PostCommand(reason,
				List.of(new PostCommand.Leg(from, pts(fromAmount)), new PostCommand.Leg(to, pts(toAmount))),
				Source.purchase(Ids.newId()), null, "system", null)));
	}

	@Test
	void earnsAndPostsAlongsideInOneCallEachByItsOwnKey() {
		PartyId cafe = aBusiness();
		UUID member = aMember();
		UUID purchase = Ids.newId();
		PostCommand budget = new PostCommand(Reason.BUDGET_CONTRIBUTION,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(cafe), pts("-30.00")),
						new PostCommand.Leg(LedgerAccount.eventsBudget(program), pts("30.00"))),
				Source.purchase(purchase), "Events budget share", "system", "purchase:" + purchase + ":budget");
		EarnCommand earn = new EarnCommand(member, pts("50.00"), cafe, clock.instant().plus(RETURN_WINDOW),
				twelveMonthsFromNow(), Reason.PURCHASE_EARN, Source.purchase(purchase), "Cashback", "system",
				"purchase:" + purchase + ":earn");

		Posting first = as(() -> ledger.earn(earn, List.of(budget)));
		Posting again = as(() -> ledger.earn(earn, List.of(budget)));

		assertThat(first.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.transactionId()).isEqualTo(first.transactionId());
		assertBalance(member, "0.00", "50.00");
		assertThat(account(LedgerAccount.eventsBudget(program))).isEqualByComparingTo("30.00");
		assertThat(account(LedgerAccount.settlement(cafe))).isEqualByComparingTo("-30.00");
		assertLedgerOk();

		EarnCommand another = new EarnCommand(member, pts("5.00"), cafe, clock.instant().plus(RETURN_WINDOW),
				twelveMonthsFromNow(), Reason.PURCHASE_EARN, Source.purchase(purchase), "Cashback", "system", null);
		PostCommand reused = new PostCommand(Reason.COMMISSION, budget.legs(), Source.purchase(purchase), "Commission",
				"system", budget.idempotencyKey());
		assertRejected(() -> as(() -> ledger.earn(another, List.of(reused))), LedgerError.IDEMPOTENCY_KEY_MISMATCH);
		PostCommand unbalanced = new PostCommand(Reason.BUDGET_CONTRIBUTION,
				List.of(new PostCommand.Leg(LedgerAccount.settlement(cafe), pts("-30.00")),
						new PostCommand.Leg(LedgerAccount.eventsBudget(program), pts("29.99"))),
				Source.purchase(purchase), "Events budget share", "system", null);
		assertRejected(() -> as(() -> ledger.earn(another, List.of(unbalanced))), LedgerError.INVALID_POSTING);
		assertBalance(member, "0.00", "50.00");
		assertThat(account(LedgerAccount.eventsBudget(program))).isEqualByComparingTo("30.00");
	}
}
