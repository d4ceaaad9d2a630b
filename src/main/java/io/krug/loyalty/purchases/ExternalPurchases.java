package io.krug.loyalty.purchases;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchases whose sales another system owns (a partner's CRM or POS, a CSV file): recorded through the same pipeline
 * as {@code POST /api/v1/purchases}, found again by the business's external id, and refunded as
 * {@code POST /api/v1/purchases/{id}/refunds} does when the source cancels or lowers the sale.
 */
@Component
@NamedInterface("purchases")
public class ExternalPurchases {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(io.krug.platform.Money.SCALE);

	private final PurchaseRecorder recorder;

	private final PurchaseStore store;

	private final Refunds refunds;

	ExternalPurchases(PurchaseRecorder recorder, PurchaseStore store, Refunds refunds) {
		this.recorder = recorder;
		this.store = store;
		this.refunds = refunds;
	}

	/** Records the purchase, or returns the one its external id already names (in one transaction). */
	@Transactional
	public ExternalPurchase record(RecordPurchase command) {
		Recorded recorded = recorder.record(command);
		return ExternalPurchase.of(recorded.purchase(), recorded.created());
	}

	/** Which of the external ids already name a purchase of the business (one query, for batches of imports). */
	@Transactional(readOnly = true)
	public Set<String> existing(UUID businessId, Collection<String> externalIds) {
		return externalIds.isEmpty() ? Set.of() : store.existingExternalIds(businessId, externalIds);
	}

	@Transactional(readOnly = true)
	public Optional<ExternalPurchase> find(UUID businessId, String externalId) {
		return store.findByExternalId(businessId, externalId).map(p -> ExternalPurchase.of(p, false));
	}

	/**
	 * Lowers what is left of the business's purchase to {@code target} (zero: a cancellation) by refunding the
	 * difference, under the purchase's lock, in one transaction: a second call with the same target refunds nothing.
	 *
	 * @return the amount refunded now (zero when the purchase was at or below {@code target}); empty when no purchase
	 *     has the external id
	 */
	@Transactional
	public Optional<BigDecimal> reduceTo(UUID businessId, String externalId, BigDecimal target, String actor) {
		return store.lockByExternalId(businessId, externalId).map(purchase -> {
			BigDecimal refund = purchase.amount().subtract(purchase.refundedAmount()).subtract(target.max(ZERO));
			if (refund.signum() <= 0) {
				return ZERO;
			}
			refunds.refund(purchase.id(), businessId, refund, actor);
			return refund;
		});
	}
}
