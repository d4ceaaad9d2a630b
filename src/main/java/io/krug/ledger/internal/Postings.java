package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;
import io.krug.ledger.LedgerError;
import io.krug.ledger.PostCommand;
import io.krug.ledger.PostedTransaction;
import io.krug.ledger.Reason;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * General postings between party and club accounts, validated like a journal entry: non-zero legs summing to zero.
 * Member wallets, liabilities and losses are out of reach here: they move only with lots, which keeps "what a funder
 * owes equals what is left of its lots" true.
 */
@Component
class Postings {

	private static final Set<AccountKind> POSTABLE = EnumSet.of(AccountKind.SETTLEMENT, AccountKind.EVENTS_BUDGET,
			AccountKind.PLATFORM_REVENUE);

	private final PostingStore postings;

	private final Replays replays;

	private final Clock clock;

	Postings(PostingStore postings, Replays replays, Clock clock) {
		this.postings = postings;
		this.replays = replays;
		this.clock = clock;
	}

	PostedTransaction post(PostCommand command) {
		Prepared prepared = prepare(command, clock.instant());
		if (postings.post(prepared.header(), prepared.legs())) {
			return new PostedTransaction(prepared.header().id(), prepared.header().at(), false);
		}
		StoredTransaction stored = replays.existing(prepared.header().idempotencyKey(), command.reason(), null);
		return new PostedTransaction(stored.id(), stored.createdAt(), true);
	}

	/** A validated posting, ready to be written. */
	record Prepared(Header header, Legs legs) {
	}

	/** Validates the posting; a 422 {@code invalid_posting} when it is not one this class may write. */
	static Prepared prepare(PostCommand command, Instant at) {
		if (command.reason().use() != Reason.Use.POST) {
			throw LedgerError.INVALID_POSTING.exception(command.reason() + " cannot be posted directly.");
		}
		Legs legs = legs(command);
		Header header = Header.of(command.reason(), null, null, command.description(), command.actor(),
				command.source(), null, command.idempotencyKey(), at);
		return new Prepared(header, legs);
	}

	private static Legs legs(PostCommand command) {
		UUID program = TenantContext.require().value();
		Legs legs = new Legs();
		for (PostCommand.Leg leg : command.legs()) {
			AccountKind kind = leg.account().kind();
			if (!POSTABLE.contains(kind)) {
				throw LedgerError.INVALID_POSTING.exception(kind + " accounts cannot be posted to directly.");
			}
			if (kind.owner() == AccountKind.Owner.CLUB && !leg.account().owner().equals(program)) {
				throw LedgerError.INVALID_POSTING.exception(kind + " belongs to the club: its owner is the program.");
			}
			legs.add(leg.account(), Amounts.nonZero(leg.amount(), "leg amount"));
		}
		if (legs.sum().signum() != 0 || legs.size() < 2) {
			throw LedgerError.INVALID_POSTING
				.exception("Legs must sum to zero on at least two accounts; they sum to " + legs.sum() + ".");
		}
		return legs;
	}
}
