package io.krug.ledger;

/**
 * The kinds of ledger accounts. An account is a kind and an owner: the member for the member's wallet, a party for
 * the party accounts, the club (the program id) for the club's accounts.
 */
public enum AccountKind {

	/** Points a member earned that are still within the return window. */
	MEMBER_PENDING(Owner.MEMBER),
	/** Points a member can spend. */
	MEMBER_AVAILABLE(Owner.MEMBER),
	/** Points a party has issued and still owes (negative while outstanding). */
	LIABILITY(Owner.PARTY),
	/** Money a party owes other parties (negative) or is owed (positive) for bonuses redeemed. */
	SETTLEMENT(Owner.PARTY),
	/** What a party lost on refunds whose bonuses had already been spent elsewhere (negative). */
	LOSS(Owner.PARTY),
	/** The club's events budget (positive: money in the budget). */
	EVENTS_BUDGET(Owner.CLUB),
	/** The club's commission revenue (positive). */
	PLATFORM_REVENUE(Owner.CLUB),
	/** The program's internal currency a member holds (never negative). */
	MEMBER_CURRENCY(Owner.MEMBER),
	/** Currency the club issued to members (negative: all ever deposited). */
	CURRENCY_ISSUED(Owner.CLUB),
	/** Currency members spent on what the club sells (positive). */
	CURRENCY_REVENUE(Owner.CLUB);

	/** Who owns accounts of a kind. */
	public enum Owner {

		MEMBER, PARTY, CLUB

	}

	private final Owner owner;

	AccountKind(Owner owner) {
		this.owner = owner;
	}

	public Owner owner() {
		return owner;
	}

	public boolean isMember() {
		return owner == Owner.MEMBER;
	}
}
