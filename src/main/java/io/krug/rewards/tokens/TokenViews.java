package io.krug.rewards.tokens;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the bundles and access-token API. */
final class TokenViews {

	static final String SCOPE = "[a-z0-9][a-z0-9_.:-]{0,63}";

	private TokenViews() {
	}

	record BundleRequest(@Schema(example = "Starter Pack") @NotBlank @Size(max = 120) String name,
			@Schema(example = "Five day passes") @Nullable @Size(max = 1000) String description,
			@Schema(example = "5") @NotNull @Min(1) @Max(100) Integer tokenCount,
			@Schema(example = "24") @NotNull @Min(1) @Max(8760) Integer durationHours,
			@Schema(example = "full", defaultValue = "full") @Nullable @Pattern(regexp = SCOPE) String scope,
			@Schema(example = "90.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(
					"1000000") @Digits(integer = 7, fraction = 2) BigDecimal basePrice,
			@Schema(example = "10.00") @NotNull @DecimalMin("0") @DecimalMax(value = "100",
					inclusive = false) @Digits(integer = 2, fraction = 2) BigDecimal discountPercent,
			@Schema(defaultValue = "true") @Nullable Boolean active) {

		BundleDraft draft() {
			return new BundleDraft(name, description == null || description.isBlank() ? null : description.strip(),
					tokenCount, durationHours, scope == null ? TokenValidator.FULL : scope, basePrice, discountPercent,
					active == null || active);
		}
	}

	/**
	 * A bundle with its price both ways.
	 *
	 * @param totalPrice what it costs: base_price less discount_percent, rounded once to 0.01
	 * @param savings base_price − total_price
	 */
	record BundleView(UUID id, String name, @Nullable String description, int tokenCount, int durationHours,
			String scope, BigDecimal basePrice, BigDecimal discountPercent, BigDecimal totalPrice, BigDecimal savings,
			boolean active, Instant createdAt) {

		static BundleView of(Bundle b) {
			return new BundleView(b.id(), b.name(), b.description(), b.tokenCount(), b.durationHours(), b.scope(),
					b.basePrice(), b.discountPercent(), b.totalPrice(), b.savings(), b.active(), b.createdAt());
		}
	}

	record BundleList(List<BundleView> items, long total) {
	}

	record TokenPurchaseRequest(
			@Schema(example = "24", description = "1, 12, 24, 168 or 720") @NotNull Integer durationHours,
			@Schema(example = "full", defaultValue = "full") @Nullable @Pattern(regexp = SCOPE) String scope) {
	}

	/**
	 * A purchase's answer: the only time the tokens' secrets are shown.
	 *
	 * @param balance the buyer's currency balance after paying
	 */
	record SaleView(UUID purchaseId, String name, BigDecimal price, BigDecimal balance, int tokensGenerated,
			List<IssuedView> tokens) {

		static SaleView of(TokenShop.Sale sale) {
			return new SaleView(sale.purchaseId(), sale.name(), sale.price(), sale.balance(), sale.tokens().size(),
					sale.tokens().stream().map(IssuedView::of).toList());
		}
	}

	/** @param token the secret, shown once: keep it, it cannot be read again */
	record IssuedView(UUID id, String token, String scope, int durationHours, Instant expiresAt) {

		static IssuedView of(AccessTokens.Issued issued) {
			AccessToken t = issued.token();
			return new IssuedView(t.id(), issued.secret(), t.scope(), t.durationHours(), t.expiresAt());
		}
	}

	/**
	 * A token without its secret.
	 *
	 * @param hint the secret's last 4 characters
	 * @param status active, expired or revoked
	 */
	record TokenView(UUID id, UUID memberId, String hint, String scope, int durationHours,
			@Nullable UUID bundlePurchaseId, Instant issuedAt, Instant expiresAt, @Nullable Instant revokedAt,
			String status) {

		static TokenView of(AccessToken t, Instant now) {
			return new TokenView(t.id(), t.memberId(), t.hint(), t.scope(), t.durationHours(), t.bundlePurchaseId(),
					t.issuedAt(), t.expiresAt(), t.revokedAt(), t.status(now));
		}
	}

	record TokenList(List<TokenView> items, long total) {
	}

	record ValidateRequest(@Schema(example = "krug_at_…") @NotBlank @Size(max = 200) String token,
			@Schema(example = "full", description = "The scope to admit to; a full token admits to every scope")
			@Nullable @Size(max = 64) String scope) {
	}

	/**
	 * @param reason why not valid: unknown, revoked, expired, scope_mismatch
	 */
	record ValidationView(boolean valid, @Nullable String reason, @Nullable UUID tokenId, @Nullable UUID memberId,
			@Nullable String scope, @Nullable Instant expiresAt) {

		static ValidationView of(TokenValidator.Validation v) {
			AccessToken t = v.token();
			boolean known = t != null;
			return new ValidationView(v.valid(), v.reason(), known ? t.id() : null, known ? t.memberId() : null,
					known ? t.scope() : null, known ? t.expiresAt() : null);
		}
	}
}
