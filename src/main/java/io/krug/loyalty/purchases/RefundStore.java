package io.krug.loyalty.purchases;

import static io.krug.loyalty.purchases.Sql.program;
import static io.krug.loyalty.purchases.Sql.status;
import static io.krug.loyalty.purchases.Sql.ts;
import static io.krug.loyalty.purchases.Sql.uuid;

import io.krug.identity.MemberStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refunds: the purchase's refunded amount and the refunds table. */
@Repository
class RefundStore {

	private final JdbcClient jdbc;

	RefundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a refund to the purchase's refunded amount when it still fits, locking the row until the transaction
	 * ends (concurrent refunds of one purchase queue here); the purchase as it is after. Empty when the purchase is
	 * not there (or not {@code business}'s) or the refund would exceed it.
	 */
	Optional<PurchaseRow> addRefund(UUID id, @Nullable UUID business, BigDecimal amount) {
		return jdbc.sql("""
				UPDATE loyalty.purchases SET refunded_amount = refunded_amount + :amount,
				  status = CASE WHEN refunded_amount + :amount = amount THEN 'refunded' ELSE status END
				WHERE program_id = :program AND id = :id AND refunded_amount + :amount <= amount
				  AND (CAST(:business AS uuid) IS NULL OR business_id = :business)
				RETURNING\s""" + PurchaseStore.COLUMNS)
			.param("program", program())
			.param("id", id)
			.param("amount", amount)
			.param("business", uuid(business))
			.query(PurchaseStore::row)
			.optional();
	}

	/** What one refund did. */
	record RefundRow(UUID id, UUID purchaseId, BigDecimal amount, BigDecimal bonusesReversed,
			BigDecimal bonusesRestored, BigDecimal loss, BigDecimal eventsBudget, BigDecimal commission,
			@Nullable MemberStatus statusBefore, @Nullable MemberStatus statusAfter, String recordedBy,
			Instant createdAt) {
	}

	void insertRefund(RefundRow r) {
		jdbc.sql("""
				INSERT INTO loyalty.purchase_refunds (id, program_id, purchase_id, amount, bonuses_reversed,
				  bonuses_restored, loss, events_budget, commission, status_before, status_after, recorded_by, created_at)
				VALUES (:id, :program, :purchase, :amount, :reversed, :restored, :loss, :budget, :commission,
				  :statusBefore, :statusAfter, :recordedBy, :createdAt)""")
			.param("id", r.id())
			.param("program", program())
			.param("purchase", r.purchaseId())
			.param("amount", r.amount())
			.param("reversed", r.bonusesReversed())
			.param("restored", r.bonusesRestored())
			.param("loss", r.loss())
			.param("budget", r.eventsBudget())
			.param("commission", r.commission())
			.param("statusBefore", status(r.statusBefore()))
			.param("statusAfter", status(r.statusAfter()))
			.param("recordedBy", r.recordedBy())
			.param("createdAt", ts(r.createdAt()))
			.update();
	}
}
