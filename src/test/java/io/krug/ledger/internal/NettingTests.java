package io.krug.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.ledger.PartyId;
import io.krug.ledger.Payable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NettingTests {

	private final UUID club = new UUID(0, 1);

	private final UUID cafe = new UUID(0, 2);

	private final UUID salon = new UUID(0, 3);

	private final UUID bar = new UUID(0, 4);

	private final Netting netting = new Netting(club);

	@Test
	void fundersOfPointsSpentElsewhereOweTheRedeemer() {
		netting.add(settlement(cafe, "-60.00", salon, "-40.00", bar, "100.00"));

		assertThat(netting.payables()).containsExactly(payable(cafe, bar, "60.00"), payable(salon, bar, "40.00"));
	}

	@Test
	void unbalancedSettlementIsAgainstTheClub() {
		netting.add(settlement(cafe, "-3.00"));
		netting.add(settlement(bar, "15.00"));

		assertThat(netting.payables()).containsExactly(payable(club, bar, "15.00"), payable(cafe, club, "3.00"));
	}

	@Test
	void nettsFlowsInBothDirections() {
		netting.add(settlement(cafe, "-100.00", bar, "100.00"));
		netting.add(settlement(bar, "-30.00", cafe, "30.00"));
		netting.add(settlement(salon, "-5.00", cafe, "5.00"));
		netting.add(settlement(cafe, "-5.00", salon, "5.00"));

		assertThat(netting.payables()).containsExactly(payable(cafe, bar, "70.00"));
	}

	private static Map<UUID, BigDecimal> settlement(Object... partyAmounts) {
		Map<UUID, BigDecimal> legs = new LinkedHashMap<>();
		for (int i = 0; i < partyAmounts.length; i += 2) {
			legs.put((UUID) partyAmounts[i], new BigDecimal((String) partyAmounts[i + 1]));
		}
		return legs;
	}

	private static Payable payable(UUID payer, UUID payee, String amount) {
		return new Payable(new PartyId(payer), new PartyId(payee), new BigDecimal(amount));
	}
}
