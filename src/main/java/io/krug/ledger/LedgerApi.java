package io.krug.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The points ledger of the current program. Every operation posts one append-only, double-entry transaction whose
 * legs sum to zero and updates the member's balance and lots in the same database transaction; corrections are new
 * transactions linked to the original. An operation given an idempotency key already used in the program posts
 * nothing and returns the earlier transaction ({@code replayed}); a key used for another operation or member is a
 * 422 {@code idempotency_key_mismatch}.
 *
 * <p>
 * Amounts are points with at most 2 decimals (1 point = 1 unit of the program's currency); more decimals are a 422
 * {@code invalid_amount}. A member's available points never go below zero, whatever the concurrency.
 */
public interface LedgerApi {

	/** Funder LIABILITY −x, member PENDING (or AVAILABLE when already due) +x; creates the earn's lot. */
	Posting earn(EarnCommand command);

	/**
	 * As {@link #earn(EarnCommand)}, and posts {@code alongside} (general postings caused by the same thing, such as
	 * a purchase's events-budget share) in the same statement: one round trip for all of them. Each posting is
	 * validated and replayed by its own idempotency key exactly as {@link #post} does it.
	 */
	Posting earn(EarnCommand command, List<PostCommand> alongside);

	/**
	 * Takes available points, oldest expiry first: member AVAILABLE −y; per funder F of the lots used, F LIABILITY
	 * +y_F and F SETTLEMENT −y_F; redeemer SETTLEMENT +y. Throws {@link LedgerError#INSUFFICIENT_BALANCE} (nothing
	 * is written; the caller's transaction is rolled back) when the available points do not cover it.
	 */
	Posting spend(SpendCommand command);

	/**
	 * Reverses (part of) an earn for a refund: first from what is left of the earn's lot, then from the member's
	 * other available points (never below zero; those points' funders pay the earn's funder), and whatever is still
	 * missing is the funder's loss (funder LOSS −s, LIABILITY +s). All reversals of an earn together never exceed it
	 * ({@link LedgerError#REVERSAL_EXCEEDS_ORIGINAL}).
	 */
	Reversal reverseEarn(ReverseEarnCommand command);

	/**
	 * Gives (part of) a spend back, proportionally to the lots it used, reversing its settlement legs in proportion.
	 * All restores of a spend together never exceed it ({@link LedgerError#REVERSAL_EXCEEDS_ORIGINAL}). Points
	 * returned to a lot that has expired meanwhile expire at the next expiry run.
	 */
	Posting restoreSpend(RestoreSpendCommand command);

	/**
	 * A manual correction: a positive amount is a club-funded lot, available at once, expiring per the program's
	 * policy; a negative one is taken like a spend (oldest expiry first, never below zero) and relieves the lots'
	 * funders.
	 */
	Posting adjust(AdjustCommand command);

	/** Posts a balanced transaction between party and club accounts. */
	PostedTransaction post(PostCommand command);

	/**
	 * Credits the member's currency wallet (club CURRENCY_ISSUED −x, MEMBER_CURRENCY +x): an admin's deposit, a
	 * payment.
	 */
	CurrencyMove creditCurrency(CurrencyCommand command);

	/**
	 * Debits the member's currency wallet (MEMBER_CURRENCY −y, club CURRENCY_REVENUE +y), never below zero whatever the
	 * concurrency: {@link LedgerError#INSUFFICIENT_CURRENCY} (402; nothing is written, the caller's transaction is
	 * rolled back) when the balance does not cover it.
	 */
	CurrencyMove debitCurrency(CurrencyCommand command);

	/** The member's currency balance (zero for a member who never had any). */
	BigDecimal currencyBalance(UUID memberId);

	/** The member's currency moves, newest first. */
	CurrencyHistory currencyHistory(UUID memberId, int limit, int offset);

	/** Moves lots whose return window has passed by {@code now} from pending to available, in bounded batches. */
	LotRun releasePending(Instant now);

	/**
	 * Expires what is left of lots whose expiry is at or before {@code now} (member −r, funder LIABILITY +r) in
	 * bounded batches, publishing {@link BonusesExpired} per member. Running it twice expires nothing twice.
	 */
	LotRun expire(Instant now);

	/** The member's balance, with the points expiring within the configured window (30 days by default). */
	Balance balance(UUID memberId);

	Balance balance(UUID memberId, Duration expiringWithin);

	/**
	 * Points still left in lots expiring in [from, to), per member and expiry day in the program's time zone,
	 * ordered by member and day.
	 */
	List<ExpiringLots> expiringBetween(Instant from, Instant to);

	/**
	 * The member's transactions, newest first.
	 *
	 * @param type only this type, or all when {@code null}
	 */
	History history(UUID memberId, @Nullable HistoryType type, int limit, int offset);

	/** An account's balance now: the sum of its entries. */
	BigDecimal accountBalance(LedgerAccount account);

	/** Sums of a party's legs per account kind and reason in [from, to), and its balances at {@code to}. */
	PartyActivity partyActivity(PartyId party, Instant from, Instant to);

	/**
	 * Net payables between parties created in [from, to): for every pair, who owes whom how much. Settlement legs a
	 * transaction does not balance among parties are against the club (commission, events budget).
	 */
	List<Payable> settlementBetween(Instant from, Instant to);

	/** Verifies the ledger's invariants for the current program. */
	LedgerCheck check();
}
