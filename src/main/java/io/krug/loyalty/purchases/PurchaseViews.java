package io.krug.loyalty.purchases;

import io.krug.identity.MemberStatus;
import io.krug.ledger.MemberBalance;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the purchases API. */
final class PurchaseViews {

	private PurchaseViews() {
	}

	/** A purchase to record; the customer is exactly one of member_id, phone and card_token. */
	record PurchaseRequest(@NotNull UUID businessId,
			@Schema(description = "The buyer as a member id") @Nullable UUID memberId,
			@Schema(example = "+79991234567",
					description = "The buyer's phone; a phone that is not a member yet makes an unmatched purchase") @Nullable @Size(
							max = 32) String phone,
			@Schema(description = "A token scanned from the member's QR card") @Nullable @Size(
					max = 200) String cardToken,
			@Schema(example = "3000.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") @Digits(
					integer = 8, fraction = 2) BigDecimal amount,
			@Schema(example = "beauty_salon",
					description = "A category key of the program; the business's when absent") @Nullable @Size(
							max = 63) String category,
			@Schema(example = "Маникюр",
					description = "Dropped for medical businesses and categories") @Nullable @Size(max = 500) String description,
			@Schema(example = "POS-2025-11-15-0042",
					description = "The business's own id of the sale; repeating it returns the first purchase") @Nullable @Size(
							max = 100) String externalId,
			@Schema(description = "When it happened; now when absent. At most 5 minutes ahead, at most 365 days ago") @Nullable Instant occurredAt,
			@Schema(example = "500.00",
					description = "Bonuses paying part of the check (at most the program's max spend share)") @Nullable @DecimalMin("0") @Digits(
							integer = 8, fraction = 2) BigDecimal spendBonuses,
			@Schema(description = "Whether the platform brought this purchase (commission applies); false when absent") @Nullable Boolean engaged,
			@Schema(description = "The business whose promotion brought the buyer") @Nullable UUID sourceBusinessId) {
	}

	record BalanceView(@Schema(example = "10000.00") BigDecimal available,
			@Schema(example = "2450.00") BigDecimal pending, @Schema(example = "12450.00") BigDecimal total) {

		static @Nullable BalanceView of(@Nullable MemberBalance balance) {
			return balance == null ? null : new BalanceView(balance.available(), balance.pending(), balance.total());
		}
	}

	/** A purchase; balance only in the answer to recording it. */
	record PurchaseView(UUID purchaseId,
			@Schema(allowableValues = { "recorded", "unmatched", "refunded" }) String status, UUID businessId,
			@Nullable UUID memberId, @Schema(example = "3000.00") BigDecimal amount,
			@Schema(example = "0.00") BigDecimal refundedAmount, @Schema(example = "beauty_salon") String category,
			@Nullable String description, @Nullable String externalId, Instant occurredAt,
			@Schema(example = "150.00") BigDecimal bonusesEarned, @Schema(example = "0.00") BigDecimal bonusesSpent,
			@Schema(example = "insider") @Nullable String statusBefore,
			@Schema(example = "insider") @Nullable String statusAfter, @Nullable BalanceView balance,
			@Schema(description = "When the earned bonuses become available") @Nullable Instant pendingUntil,
			boolean engaged, @Nullable UUID sourceBusinessId,
			@Schema(example = "60.00", description = "Taken from the business into the club's events budget") BigDecimal eventsBudget,
			@Schema(example = "0.00", description = "The platform's commission") BigDecimal commission,
			@Schema(allowableValues = { "qr", "manual", "api", "integration", "import" }) String channel, Instant createdAt) {

		static PurchaseView of(PurchaseRow p, @Nullable MemberBalance balance) {
			return new PurchaseView(p.id(), p.status(), p.businessId(), p.memberId(), p.amount(), p.refundedAmount(),
					p.category(), p.description(), p.externalId(), p.occurredAt(), p.bonusesEarned(), p.bonusesSpent(),
					key(p.statusBefore()), key(p.statusAfter()), BalanceView.of(balance), p.pendingUntil(), p.engaged(),
					p.sourceBusinessId(), p.eventsBudget(), p.commission(), p.channel(), p.createdAt());
		}
	}

	record PurchaseList(List<PurchaseView> purchases, long total) {
	}

	record RefundRequest(@Schema(example = "1000.00") @NotNull @DecimalMin(value = "0",
			inclusive = false) @Digits(integer = 8, fraction = 2) BigDecimal amount) {
	}

	record RefundView(UUID refundId, UUID purchaseId, @Schema(example = "1000.00") BigDecimal amount,
			@Schema(example = "1000.00", description = "All refunds of the purchase so far") BigDecimal refundedTotal,
			@Schema(allowableValues = { "recorded", "unmatched", "refunded" }) String purchaseStatus,
			@Schema(example = "50.00", description = "Earned bonuses taken back, loss included") BigDecimal bonusesReversed,
			@Schema(example = "0.00", description = "Spent bonuses given back") BigDecimal bonusesRestored,
			@Schema(example = "0.00",
					description = "What the member no longer had: the business's loss") BigDecimal loss,
			@Schema(example = "20.00") BigDecimal eventsBudgetReversed,
			@Schema(example = "0.00") BigDecimal commissionReversed,
			@Schema(example = "vip") @Nullable String statusBefore,
			@Schema(example = "insider") @Nullable String statusAfter, @Nullable BalanceView balance,
			Instant createdAt) {

		static RefundView of(Refunds.Refunded r) {
			var refund = r.refund();
			return new RefundView(refund.id(), refund.purchaseId(), refund.amount(), r.purchase().refundedAmount(),
					r.purchase().status(), refund.bonusesReversed(), refund.bonusesRestored(), refund.loss(),
					refund.eventsBudget(), refund.commission(), key(refund.statusBefore()), key(refund.statusAfter()),
					BalanceView.of(r.balance()), refund.createdAt());
		}
	}

	private static @Nullable String key(@Nullable MemberStatus status) {
		return status == null ? null : status.key();
	}
}
