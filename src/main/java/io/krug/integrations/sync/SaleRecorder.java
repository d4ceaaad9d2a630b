package io.krug.integrations.sync;

import io.krug.integrations.connector.ExternalSale;
import io.krug.loyalty.purchases.Customer;
import io.krug.loyalty.purchases.ExternalPurchase;
import io.krug.loyalty.purchases.ExternalPurchases;
import io.krug.loyalty.purchases.RecordPurchase;
import io.krug.platform.web.KrugException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Turns a partner system's sale into a purchase through the loyalty pipeline, idempotently: the purchase's external
 * id is {@code <system>:<sale id>}, so a sale seen again is the same purchase. A cancelled sale refunds what is left
 * of its purchase; a sale whose amount went down refunds the difference; a higher amount leaves the purchase as it
 * is (its bonuses cannot be earned twice; staff record the difference). Each sale is its own transaction.
 */
@Component
class SaleRecorder {

	static final String CHANNEL = "integration";

	private final ExternalPurchases purchases;

	SaleRecorder(ExternalPurchases purchases) {
		this.purchases = purchases;
	}

	/** What happened to one sale. */
	enum Outcome {
		IMPORTED, DUPLICATE, REFUNDED, SKIPPED, REJECTED
	}

	/** @param reason for a rejection: the pipeline's error code and detail, without personal data */
	record Result(Outcome outcome, String reason) {

		static Result of(Outcome outcome) {
			return new Result(outcome, "");
		}
	}

	Result record(Integration integration, ExternalSale sale, PhoneMatcher phones) {
		String externalId = integration.externalId(sale.externalId());
		if (sale.state() == ExternalSale.State.CANCELLED) {
			return reduce(integration, externalId, BigDecimal.ZERO).orElse(Result.of(Outcome.SKIPPED));
		}
		if (sale.amount().signum() <= 0 || sale.amount().stripTrailingZeros().scale() > 2) {
			return new Result(Outcome.REJECTED, "amount must be positive with at most 2 decimals");
		}
		Optional<Result> existing = reduce(integration, externalId, sale.amount());
		if (existing.isPresent()) {
			return existing.get();
		}
		String phone = phones.phoneOf(sale);
		if (phone == null) {
			return Result.of(Outcome.SKIPPED);
		}
		try {
			ExternalPurchase purchase = purchases.record(new RecordPurchase(integration.businessId(),
					new Customer.ByPhone(phone), sale.amount(), sale.category(), sale.description(), externalId,
					sale.occurredAt(), null, false, null, CHANNEL, integration.actor()));
			return Result.of(purchase.created() ? Outcome.IMPORTED : Outcome.DUPLICATE);
		}
		catch (DuplicateKeyException ex) {
			return Result.of(Outcome.DUPLICATE);
		}
		catch (KrugException ex) {
			// the title, not the detail: a detail may quote the phone, and runs are shown to admins and kept
			return new Result(Outcome.REJECTED, ex.error().code() + ": " + ex.error().title());
		}
	}

	private Optional<Result> reduce(Integration integration, String externalId, BigDecimal target) {
		return purchases.reduceTo(integration.businessId(), externalId, target, integration.actor())
			.map(refunded -> Result.of(refunded.signum() > 0 ? Outcome.REFUNDED : Outcome.DUPLICATE));
	}
}
