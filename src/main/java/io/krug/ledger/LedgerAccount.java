package io.krug.ledger;

import io.krug.platform.tenancy.ProgramId;
import java.util.UUID;

/** One ledger account: a kind and its owner (a member, a party, or the club). */
public record LedgerAccount(AccountKind kind, UUID owner) {

	public static LedgerAccount settlement(PartyId party) {
		return new LedgerAccount(AccountKind.SETTLEMENT, party.value());
	}

	public static LedgerAccount liability(PartyId party) {
		return new LedgerAccount(AccountKind.LIABILITY, party.value());
	}

	public static LedgerAccount loss(PartyId party) {
		return new LedgerAccount(AccountKind.LOSS, party.value());
	}

	public static LedgerAccount eventsBudget(ProgramId program) {
		return new LedgerAccount(AccountKind.EVENTS_BUDGET, program.value());
	}

	public static LedgerAccount platformRevenue(ProgramId program) {
		return new LedgerAccount(AccountKind.PLATFORM_REVENUE, program.value());
	}

	public static LedgerAccount memberAvailable(UUID memberId) {
		return new LedgerAccount(AccountKind.MEMBER_AVAILABLE, memberId);
	}

	public static LedgerAccount memberPending(UUID memberId) {
		return new LedgerAccount(AccountKind.MEMBER_PENDING, memberId);
	}

	public static LedgerAccount memberCurrency(UUID memberId) {
		return new LedgerAccount(AccountKind.MEMBER_CURRENCY, memberId);
	}
}
