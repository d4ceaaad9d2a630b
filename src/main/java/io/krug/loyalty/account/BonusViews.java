package io.krug.loyalty.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a member reads about their bonuses, in seed 003's shapes; amounts carry 2 decimals. */
final class BonusViews {

	private BonusViews() {
	}

	@Schema(name = "BonusBalance")
	record BalanceView(
			@Schema(example = "12450.00", description = "available_bonuses + pending_bonuses") BigDecimal totalBonuses,
			@Schema(example = "10000.00", description = "Spendable now") BigDecimal availableBonuses,
			@Schema(example = "2450.00",
					description = "Earned but within the return window; available once it has passed") BigDecimal pendingBonuses,
			@Schema(description = "Bonuses expiring within the program's expiring_soon_days (30 by default), "
					+ "one entry per day, soonest first") List<Expiring> expiringSoon) {
	}

	@Schema(name = "BonusExpiring")
	record Expiring(@Schema(example = "500.00") BigDecimal amount,
			@Schema(example = "2025-12-31", description = "The day they expire, in the program's time zone") LocalDate expiresAt) {
	}

	@Schema(name = "BonusTransactionPage")
	record TransactionPage(List<Transaction> transactions, @Schema(example = "150") long total) {
	}

	@Schema(name = "BonusTransaction")
	record Transaction(UUID id,
			@Schema(example = "earned", allowableValues = { "earned", "spent", "expired", "adjusted", "refunded",
					"restored" }) String type,
			@Schema(example = "500.00", description = "Signed: what it did to the member's bonuses") BigDecimal amount,
			@Schema(example = "Салон Миндаль",
					description = "Where it happened: the business that funded an earn or where bonuses were spent; "
							+ "the program's name for club-funded items") @Nullable String businessName,
			@Schema(example = "Кешбэк за маникюр") @Nullable String description, Instant createdAt,
			@Schema(example = "available", allowableValues = { "pending", "available" },
					description = "Only on credits that created bonuses (earned, positive adjusted): pending while "
							+ "within the return window, then available") @Nullable String status) {
	}
}
