package io.krug.rewards.currency;

import io.krug.ledger.CurrencyHistory;
import io.krug.ledger.CurrencyMove;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the currency API. */
final class CurrencyViews {

	private CurrencyViews() {
	}

	record SettingsRequest(@Schema(example = "Zinc") @NotBlank @Size(max = 60) String name,
			@Schema(example = "ZNC") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9]{1,7}") String code,
			@Schema(example = "10.00") @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7,
					fraction = 2) BigDecimal lowBalanceThreshold,
			@Schema(description = "Single-token prices; durations 1, 12, 24, 168, 720 hours") @NotNull @Size(
					max = 5) List<@Valid @NotNull PriceRequest> tokenPrices) {

		CurrencySettings settings() {
			return new CurrencySettings(name.strip(), code, lowBalanceThreshold, tokenPrices.stream()
				.map(p -> new CurrencySettings.TokenPrice(p.durationHours(), p.price()))
				.toList());
		}
	}

	record PriceRequest(@Schema(example = "24") @NotNull Integer durationHours,
			@Schema(example = "18.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(
					"1000000") @Digits(integer = 7, fraction = 2) BigDecimal price) {
	}

	record SettingsView(String name, String code, BigDecimal lowBalanceThreshold, List<PriceView> tokenPrices) {

		static SettingsView of(CurrencySettings s) {
			return new SettingsView(s.name(), s.code(), s.lowBalanceThreshold(),
					s.tokenPrices().stream().map(p -> new PriceView(p.durationHours(), p.price())).toList());
		}
	}

	record PriceView(int durationHours, BigDecimal price) {
	}

	record DepositRequest(@Schema(example = "100.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(
			"1000000") @Digits(integer = 7, fraction = 2) BigDecimal amount,
			@Schema(example = "Welcome gift") @Nullable @Size(max = 500) String note) {
	}

	record DepositView(UUID transactionId, UUID memberId, BigDecimal amount, String currency, BigDecimal balance,
			Instant createdAt) {

		static DepositView of(UUID member, BigDecimal amount, String currency, CurrencyMove move) {
			return new DepositView(move.transactionId(), member, amount, currency, move.balance(), move.createdAt());
		}
	}

	/**
	 * A wallet with a page of its history.
	 *
	 * @param items newest first; amount signed (deposits positive, purchases negative)
	 */
	record WalletView(String currency, String currencyName, BigDecimal balance, BigDecimal lowBalanceThreshold,
			boolean low, List<MoveView> items, long total) {
	}

	record MoveView(UUID transactionId, String type, BigDecimal amount, String sourceType, @Nullable UUID sourceId,
			@Nullable String description, Instant createdAt) {

		static MoveView of(CurrencyHistory.Item item) {
			return new MoveView(item.transactionId(),
					item.amount().signum() > 0 ? "deposit" : "purchase", item.amount(), item.sourceType().key(),
					item.sourceId(), item.description(), item.createdAt());
		}
	}
}
