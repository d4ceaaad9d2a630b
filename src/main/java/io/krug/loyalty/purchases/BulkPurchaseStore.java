package io.krug.loyalty.purchases;

import static io.krug.loyalty.purchases.Sql.program;

import io.krug.platform.db.TextArrays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements of a bulk import (ADR 0014): each takes a whole batch as one array per column, so a batch
 * of any size costs the same handful of statements.
 */
@Repository
class BulkPurchaseStore {

	private final JdbcClient jdbc;

	BulkPurchaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the external ids for the purchases (as {@link PurchaseStore#context} claims one); returns the ids
	 * claimed now. An id claimed before, or earlier in the same list, is not returned: its purchase is a duplicate.
	 * The ids are claimed in their sort order, as the categories in {@link #claimCategories} are, so two concurrent
	 * batches that share some wait for each other instead of deadlocking.
	 */
	Set<String> claimExternalIds(UUID business, List<String> externalIds, List<UUID> purchaseIds) {
		return new HashSet<>(jdbc.sql("""
				INSERT INTO loyalty.purchase_external_ids (program_id, business_id, external_id, purchase_id)
				SELECT :program, :business, e, CAST(p AS uuid)
				FROM unnest(CAST(:externalIds AS text[]), CAST(:purchaseIds AS text[])) WITH ORDINALITY AS i (e, p, n)
				ORDER BY e, n
				ON CONFLICT DO NOTHING RETURNING external_id""")
			.param("program", program())
			.param("business", business)
			.param("externalIds", TextArrays.of(externalIds))
			.param("purchaseIds", TextArrays.of(purchaseIds))
			.query(String.class)
			.list());
	}

	/**
	 * Claims each (member, category) pair for its purchase unless the member bought in the category before; returns
	 * the purchases that claimed one (their category was new). The pairs must be distinct.
	 */
	Set<UUID> claimCategories(List<UUID> members, List<String> categories, List<UUID> purchaseIds, Instant at) {
		if (members.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				INSERT INTO loyalty.member_categories (program_id, member_id, category, first_purchase_id, first_at)
				SELECT :program, CAST(m AS uuid), c, CAST(p AS uuid), :at
				FROM unnest(CAST(:members AS text[]), CAST(:categories AS text[]), CAST(:purchases AS text[])) AS i (m, c, p)
				ORDER BY m, c
				ON CONFLICT DO NOTHING RETURNING first_purchase_id""")
			.param("program", program())
			.param("members", TextArrays.of(members))
			.param("categories", TextArrays.of(categories))
			.param("purchases", TextArrays.of(purchaseIds))
			.param("at", Sql.ts(at))
			.query(UUID.class)
			.list());
	}

	/** Inserts the purchases, all in one statement. */
	void insert(List<PurchaseRow> rows, List<LocalDate> occurredOn) {
		Columns c = new Columns(rows, occurredOn);
		int inserted = jdbc.sql("INSERT INTO loyalty.purchases (program_id, occurred_on, " + PurchaseStore.COLUMNS + """
				)
				SELECT :program, CAST(occurred_on AS date), CAST(id AS uuid), :business, CAST(member AS uuid), phone,
				       CAST(amount AS numeric), 0, category, description, external_id, CAST(occurred_at AS timestamptz),
				       CAST(earned AS numeric), 0, CAST(earn_tx AS uuid), NULL, status, false, NULL, :channel, :actor,
				       :createdAt, status_before, status_before, CAST(pending_until AS timestamptz),
				       CAST(budget AS numeric), CAST(commission AS numeric), NULL
				FROM unnest(CAST(:occurredOn AS text[]), CAST(:ids AS text[]), CAST(:members AS text[]),
				            CAST(:phones AS text[]), CAST(:amounts AS text[]), CAST(:categories AS text[]),
				            CAST(:descriptions AS text[]), CAST(:externalIds AS text[]), CAST(:occurredAt AS text[]),
				            CAST(:earned AS text[]), CAST(:earnTx AS text[]), CAST(:statuses AS text[]),
				            CAST(:statusBefore AS text[]), CAST(:pendingUntil AS text[]), CAST(:budgets AS text[]),
				            CAST(:commissions AS text[]))
				  AS i (occurred_on, id, member, phone, amount, category, description, external_id, occurred_at, earned,
				        earn_tx, status, status_before, pending_until, budget, commission)""")
			.param("program", program())
			.param("business", rows.getFirst().businessId())
			.param("channel", rows.getFirst().channel())
			.param("actor", rows.getFirst().recordedBy())
			.param("createdAt", Sql.ts(rows.getFirst().createdAt()))
			.param("occurredOn", TextArrays.of(c.occurredOn))
			.param("ids", TextArrays.of(c.column(PurchaseRow::id)))
			.param("members", TextArrays.of(c.column(PurchaseRow::memberId)))
			.param("phones", TextArrays.of(c.column(PurchaseRow::phone)))
			.param("amounts", TextArrays.of(c.column(PurchaseRow::amount)))
			.param("categories", TextArrays.of(c.column(PurchaseRow::category)))
			.param("descriptions", TextArrays.of(c.column(PurchaseRow::description)))
			.param("externalIds", TextArrays.of(c.column(PurchaseRow::externalId)))
			.param("occurredAt", TextArrays.of(c.column(PurchaseRow::occurredAt)))
			.param("earned", TextArrays.of(c.column(PurchaseRow::bonusesEarned)))
			.param("earnTx", TextArrays.of(c.column(PurchaseRow::earnTxId)))
			.param("statuses", TextArrays.of(c.column(PurchaseRow::status)))
			.param("statusBefore", TextArrays.of(c.column(r -> r.statusBefore() == null ? null : r.statusBefore().key())))
			.param("pendingUntil", TextArrays.of(c.column(PurchaseRow::pendingUntil)))
			.param("budgets", TextArrays.of(c.column(PurchaseRow::eventsBudget)))
			.param("commissions", TextArrays.of(c.column(PurchaseRow::commission)))
			.update();
		if (inserted != rows.size()) {
			throw new IllegalStateException("Inserted " + inserted + " of " + rows.size() + " purchases; indicates a bug");
		}
	}

	/** The rows' values, one list per column. */
	private record Columns(List<PurchaseRow> rows, List<LocalDate> occurredOn) {

		List<@Nullable Object> column(Function<PurchaseRow, @Nullable Object> value) {
			List<@Nullable Object> values = new ArrayList<>(rows.size());
			for (PurchaseRow row : rows) {
				values.add(value.apply(row));
			}
			return values;
		}
	}
}
