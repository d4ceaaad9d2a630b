package io.krug.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link LedgerBulk#earnAll}: many earns in one statement post what {@link LedgerApi#earn} posts one by one. */
class LedgerBulkTests extends LedgerTestSupport {

	@Autowired
	LedgerBulk bulk;

	@Test
	void earnsManyMembersAtOnceAsSingleEarnsWould() {
		PartyId salon = aBusiness();
		UUID anna = aMember();
		UUID boris = aMember();
		earn(anna, "10.00", salon);

		List<UUID> posted = as(() -> bulk.earnAll(List.of(command(anna, "5.50", salon, true),
				command(anna, "20.00", salon, false), command(boris, "7.25", salon, true))));

		assertThat(posted).hasSize(3).doesNotHaveDuplicates();
		assertBalance(anna, "5.50", "30.00");
		assertBalance(boris, "7.25", "0");
		assertThat(account(LedgerAccount.liability(salon))).isEqualByComparingTo("-42.75");
		assertThat(as(() -> ledger.history(anna, null, 10, 0)).items()).hasSize(3);
		Reversal reversal = refund(posted.get(1), "20.00", null);
		assertThat(reversal.fromLot()).as("each earn has its lot").isEqualByComparingTo("20.00");
		assertBalance(anna, "5.50", "10.00");
		assertLedgerOk();
	}

	@Test
	void writesNothingWhenOneEarnIsInvalid() {
		PartyId salon = aBusiness();
		UUID anna = aMember();

		assertRejected(() -> as(() -> bulk.earnAll(List.of(command(anna, "5.00", salon, true),
				command(anna, "1.005", salon, true)))), LedgerError.INVALID_AMOUNT);

		assertBalance(anna, "0", "0");
		assertThat(account(LedgerAccount.liability(salon))).isEqualByComparingTo("0");
		assertLedgerOk();
	}

	private EarnCommand command(UUID member, String amount, PartyId funder, boolean available) {
		return new EarnCommand(member, pts(amount), funder,
				available ? clock.instant().minus(RETURN_WINDOW) : clock.instant().plus(RETURN_WINDOW),
				twelveMonthsFromNow(), Reason.PURCHASE_EARN, Source.of(SourceType.IMPORT, Ids.newId()), null, "system",
				null);
	}
}
