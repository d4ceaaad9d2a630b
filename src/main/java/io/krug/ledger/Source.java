package io.krug.ledger;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What caused a ledger transaction: a purchase, a refund, … and its id where it has one. */
public record Source(SourceType type, @Nullable UUID id) {

	public static Source of(SourceType type, UUID id) {
		return new Source(type, id);
	}

	public static Source purchase(UUID purchaseId) {
		return new Source(SourceType.PURCHASE, purchaseId);
	}

	public static Source refund(UUID refundId) {
		return new Source(SourceType.REFUND, refundId);
	}
}
