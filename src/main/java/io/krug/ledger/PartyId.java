package io.krug.ledger;

import io.krug.platform.tenancy.ProgramId;
import java.util.UUID;

/**
 * A party that funds or redeems bonuses and settles with others: a business (its id), or the club itself, whose id
 * is the program's.
 */
public record PartyId(UUID value) {

	public static PartyId business(UUID businessId) {
		return new PartyId(businessId);
	}

	public static PartyId club(ProgramId program) {
		return new PartyId(program.value());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
