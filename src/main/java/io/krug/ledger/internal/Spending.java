package io.krug.ledger.internal;

import io.krug.ledger.LedgerAccount;
import io.krug.ledger.LedgerError;
import io.krug.ledger.PartyId;
import io.krug.ledger.Posting;
import io.krug.ledger.Reason;
import io.krug.ledger.Source;
import io.krug.ledger.SourceType;
import io.krug.ledger.SpendCommand;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Debits: spends (three statements: claim and conditional debit, lock the lots, write) and negative manual
 * adjustments. The conditional debit is what keeps available points from going below zero under any concurrency.
 */
@Component
class Spending {

	private final PostingStore postings;

	private final LotStore lots;

	private final Replays replays;

	private final Clock clock;

	Spending(PostingStore postings, LotStore lots, Replays replays, Clock clock) {
		this.postings = postings;
		this.lots = lots;
		this.replays = replays;
		this.clock = clock;
	}

	Posting spend(SpendCommand command) {
		if (command.reason().use() != Reason.Use.SPEND) {
			throw LedgerError.INVALID_POSTING.exception(command.reason() + " is not a spending reason.");
		}
		BigDecimal amount = Amounts.positive(command.amount(), "amount");
		Header header = Header.of(command.reason(), command.memberId(), command.redeemer().value(),
				command.description(), command.actor(), command.source(), null, command.idempotencyKey(),
				clock.instant());
		return debit(header, command.memberId(), amount, command.redeemer());
	}

	/** Takes points like a spend, relieving the lots' funders, with no redeemer to settle with. */
	Posting adjustDown(UUID member, BigDecimal amount, String note, String actor, @Nullable String key) {
		Header header = Header.of(Reason.ADJUSTMENT, member, TenantContext.require().value(), note, actor,
				new Source(SourceType.ADJUSTMENT, null), null, key, clock.instant());
		return debit(header, member, amount, null);
	}

	private Posting debit(Header header, UUID member, BigDecimal amount, @Nullable PartyId redeemer) {
		PostingStore.Claim claim = postings.claimAndDebit(header, member, amount);
		if (!claim.claimed()) {
			StoredTransaction stored = replays.existing(header.idempotencyKey(), header.reason(), member);
			return new Posting(stored.id(), stored.createdAt(), true, stored.balance());
		}
		if (claim.balance() == null) {
			throw LedgerError.INSUFFICIENT_BALANCE
				.exception("The member's available points do not cover " + amount.toPlainString() + ".");
		}
		List<LotMove> taken = Allocation.fifo(lots.lockSpendable(member, amount, null), amount);
		if (Amounts.sum(taken, LotMove::amount).compareTo(amount) != 0) {
			throw new IllegalStateException("Lots of member " + member + " do not cover the available balance;"
					+ " indicates a bug");
		}
		Legs legs = new Legs().add(LedgerAccount.memberAvailable(member), amount.negate());
		for (LotMove move : taken) {
			PartyId funder = new PartyId(move.funderId());
			legs.add(LedgerAccount.liability(funder), move.amount());
			if (redeemer != null) {
				legs.add(LedgerAccount.settlement(funder), move.amount().negate());
			}
		}
		if (redeemer != null) {
			legs.add(LedgerAccount.settlement(redeemer), amount);
		}
		postings.write(new WriteSet(header.at()).legs(header.id(), legs)
			.moves(header.id(), taken)
			.alreadyApplied(member, amount.negate(), Amounts.ZERO));
		return new Posting(header.id(), header.at(), false, claim.balance());
	}
}
