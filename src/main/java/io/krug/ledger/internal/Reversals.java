package io.krug.ledger.internal;

import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerError;
import io.krug.ledger.MemberBalance;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.RestoreSpendCommand;
import io.krug.ledger.Reversal;
import io.krug.ledger.ReverseEarnCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Corrections of earns (refunds) and of spends (restores), each a new transaction linked to the original. */
@Component
class Reversals {

	private final PostingStore postings;

	private final LotStore lots;

	private final Replays replays;

	private final Clock clock;

	Reversals(PostingStore postings, LotStore lots, Replays replays, Clock clock) {
		this.postings = postings;
		this.lots = lots;
		this.replays = replays;
		this.clock = clock;
	}

	Reversal reverseEarn(ReverseEarnCommand command) {
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		Lot lot = earnLot(command.earnTransactionId());
		PartyId funder = new PartyId(lot.funderId());
		Header header = Header.of(Reason.REFUND_REVERSAL, lot.memberId(), funder.value(), command.description(),
				command.actor(), command.source(), lot.earnTransactionId(), command.idempotencyKey(), clock.instant());
		if (!postings.claim(header)) {
			StoredTransaction stored = replays.existing(header.idempotencyKey(), header.reason(), lot.memberId(),
					lot.earnTransactionId());
			BigDecimal[] parts = postings.reversalParts(stored.id(), lot.id());
			return new Reversal(stored.id(), stored.createdAt(), true, parts[0], parts[1], parts[2], stored.balance());
		}
		lockBalance(lot.memberId());
		Lot locked = lots.reserveReversal(lot.id(), amount)
			.orElseThrow(() -> LedgerError.REVERSAL_EXCEEDS_ORIGINAL.exception("Reversing " + amount.toPlainString()
					+ " would take back more than the earn's " + lot.amount().toPlainString() + " in all."));
		BigDecimal fromLot = amount.min(locked.remaining());
		BigDecimal shortfall = amount.subtract(fromLot);
		List<LotMove> others = shortfall.signum() > 0
				? Allocation.fifo(lots.lockSpendable(lot.memberId(), shortfall, lot.id()), shortfall) : List.of();
		BigDecimal fromBalance = Amounts.sum(others, LotMove::amount);
		BigDecimal loss = shortfall.subtract(fromBalance);
		Legs legs = new Legs().add(new LedgerAccount(locked.state().account(), lot.memberId()), fromLot.negate())
			.add(LedgerAccount.liability(funder), fromLot);
		for (LotMove other : others) {
			PartyId otherFunder = new PartyId(other.funderId());
			legs.add(LedgerAccount.memberAvailable(lot.memberId()), other.amount().negate())
				.add(LedgerAccount.liability(otherFunder), other.amount())
				.add(LedgerAccount.settlement(otherFunder), other.amount().negate())
				.add(LedgerAccount.settlement(funder), other.amount());
		}
		legs.add(LedgerAccount.loss(funder), loss.negate()).add(LedgerAccount.liability(funder), loss);
		List<LotMove> moves = new ArrayList<>();
		if (fromLot.signum() > 0) {
			moves.add(new LotMove(lot.id(), lot.funderId(), fromLot));
		}
		moves.addAll(others);
		MemberBalance balance = write(header, legs, moves, lot.memberId());
		return new Reversal(header.id(), header.at(), false, fromLot, fromBalance, loss, balance);
	}

	Posting restoreSpend(RestoreSpendCommand command) {
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		StoredTransaction spend = postings.find(command.spendTransactionId())
			.orElseThrow(() -> LedgerError.TRANSACTION_NOT_FOUND
				.exception("No ledger transaction " + command.spendTransactionId() + "."));
		if (spend.reason().use() != Reason.Use.SPEND) {
			throw LedgerError.NOT_REVERSIBLE.exception("Transaction " + spend.id() + " is not a spend.");
		}
		UUID member = Objects.requireNonNull(spend.memberId());
		PartyId redeemer = new PartyId(Objects.requireNonNull(spend.partyId()));
		Header header = Header.of(Reason.SPEND_RESTORE, member, redeemer.value(), command.description(),
				command.actor(), command.source(), spend.id(), command.idempotencyKey(), clock.instant());
		if (!postings.claim(header)) {
			StoredTransaction stored = replays.existing(header.idempotencyKey(), header.reason(), member, spend.id());
			return new Posting(stored.id(), stored.createdAt(), true, stored.balance());
		}
		lockBalance(member);
		List<LotMove> restorable = lots.restorable(spend.id());
		BigDecimal left = Amounts.sum(restorable, LotMove::amount);
		if (amount.compareTo(left) > 0) {
			throw LedgerError.REVERSAL_EXCEEDS_ORIGINAL.exception("Only " + left.toPlainString()
					+ " of the spend is left to restore, not " + amount.toPlainString() + ".");
		}
		List<LotMove> shares = Allocation.proportional(restorable, amount);
		Legs legs = new Legs().add(LedgerAccount.memberAvailable(member), amount);
		List<LotMove> moves = new ArrayList<>();
		for (LotMove share : shares) {
			PartyId funder = new PartyId(share.funderId());
			legs.add(LedgerAccount.liability(funder), share.amount().negate())
				.add(LedgerAccount.settlement(funder), share.amount());
			moves.add(share.withAmount(share.amount().negate()));
		}
		legs.add(LedgerAccount.settlement(redeemer), amount.negate());
		return new Posting(header.id(), header.at(), false, write(header, legs, moves, member));
	}

	private Lot earnLot(UUID earnTransactionId) {
		return lots.findEarnLot(earnTransactionId).orElseThrow(() -> {
			boolean exists = postings.find(earnTransactionId).isPresent();
			return exists ? LedgerError.NOT_REVERSIBLE.exception("Transaction " + earnTransactionId + " is not an earn.")
					: LedgerError.TRANSACTION_NOT_FOUND.exception("No ledger transaction " + earnTransactionId + ".");
		});
	}

	private void lockBalance(UUID member) {
		lots.lockBalance(member)
			.orElseThrow(() -> new IllegalStateException("Member " + member + " has lots but no balance row"));
	}

	private MemberBalance write(Header header, Legs legs, List<LotMove> moves, UUID member) {
		var balances = postings.write(new WriteSet(header.at()).legs(header.id(), legs).moves(header.id(), moves));
		MemberBalance balance = balances.get(member);
		return balance != null ? balance : lots.lockBalance(member).orElse(MemberBalance.ZERO);
	}
}
