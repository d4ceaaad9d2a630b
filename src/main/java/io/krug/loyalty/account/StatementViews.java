package io.krug.loyalty.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner's monthly statement and the program's settlement between partners; amounts carry 2 decimals. */
final class StatementViews {

	static final String PAYABLE = "payable";

	static final String RECEIVABLE = "receivable";

	static final String NONE = "none";

	private StatementViews() {
	}

	@Schema(name = "PartnerStatement")
	record Statement(UUID businessId, @Schema(example = "Салон Миндаль") String businessName,
			@Schema(example = "2025-10") String month, @Schema(example = "Europe/Moscow") String timeZone,
			@Schema(example = "RUB") String currency,
			@Schema(description = "Start of the month in the program's time zone (inclusive)") Instant from,
			@Schema(description = "Start of the next month in the program's time zone (exclusive)") Instant to,
			Purchases purchases, Bonuses bonuses,
			@Schema(description = "Net settlement with each other partner for the month, one row per partner "
					+ "with a non-zero net") List<Counterparty> partners,
			@Schema(description = "Net settlement with the club (the program itself): commission and events-budget "
					+ "contributions the business owes it, less bonuses the club funded (adjustments, club "
					+ "rewards) that were spent at the business") Counterparty club,
			@Schema(example = "90.00", description = "Platform commission charged for the month, net of commission "
					+ "returned on refunds. Positive: the business owes it to the club") BigDecimal commission,
			@Schema(example = "100.00", description = "Contributions to the club's events budget for the month, net "
					+ "of contributions returned on refunds. Positive: the business owes them to the club") BigDecimal eventsBudget,
			@Schema(example = "0.00", description = "Refund shortfalls: bonuses the business funded for purchases "
					+ "that were returned after the member had already spent them. Positive: money lost. "
					+ "Informational, not part of net (the business already paid for those bonuses through "
					+ "settlement)") BigDecimal losses,
			@Schema(example = "-190.00", description = "What the business receives (positive) or pays (negative) "
					+ "for the month: the sum of every settlement with partners and the club, i.e. receivables "
					+ "minus payables of partners and club together") BigDecimal net,
			@Schema(example = "-190.00", description = "All settlement not yet paid at the end of the month, this "
					+ "month and earlier ones together, net of recorded settlement payments. Positive: owed to the "
					+ "business; negative: the business owes") BigDecimal settlementBalance) {
	}

	@Schema(name = "StatementPurchases")
	record Purchases(@Schema(example = "320", description = "Purchases recorded at the business that occurred in "
			+ "the month, including those of buyers not yet matched to a member") long count,
			@Schema(example = "450000.00", description = "Their amounts, before refunds") BigDecimal volume,
			@Schema(example = "3500.00",
					description = "How much of those purchases has been refunded so far") BigDecimal refunded) {
	}

	@Schema(name = "StatementBonuses")
	record Bonuses(
			@Schema(example = "22500.00", description = "Bonuses the business funded in the month: cashback and "
					+ "other credits earned at it. Positive") BigDecimal funded,
			@Schema(example = "8000.00", description = "Bonuses members spent at the business in the month, "
					+ "whoever funded them, net of spends returned on refunds. Positive") BigDecimal redeemed,
			@Schema(example = "150.00", description = "Bonuses the business funded that expired unspent in the "
					+ "month. Positive") BigDecimal expired) {
	}

	@Schema(name = "StatementCounterparty")
	record Counterparty(@Schema(description = "The other business; absent for the club") @Nullable UUID businessId,
			@Schema(example = "Лисичкино") @Nullable String name,
			@Schema(allowableValues = { PAYABLE, RECEIVABLE, NONE },
					description = "payable: this business pays the other; receivable: the other pays this "
							+ "business; none: they are even") String direction,
			@Schema(example = "120.00", description = "How much, never negative") BigDecimal amount) {
	}

	@Schema(name = "PartnerSettlement")
	record Settlement(@Schema(example = "2025-10") String month, @Schema(example = "Europe/Moscow") String timeZone,
			@Schema(example = "RUB") String currency, Instant from, Instant to,
			@Schema(description = "Net payables between parties for the month, by payer then payee") List<Payable> payables,
			long total) {
	}

	@Schema(name = "PartnerPayable")
	record Payable(UUID payerId, @Schema(example = "Лисичкино") @Nullable String payerName,
			@Schema(allowableValues = { "business", "club" }) String payerType, UUID payeeId,
			@Schema(example = "Салон Миндаль") @Nullable String payeeName,
			@Schema(allowableValues = { "business", "club" }) String payeeType,
			@Schema(example = "120.00", description = "What the payer owes the payee, net of what the payee owes "
					+ "the payer; positive") BigDecimal amount) {
	}
}
