package io.krug.loyalty.purchases;

import static io.krug.loyalty.purchases.Sql.instant;
import static io.krug.loyalty.purchases.Sql.program;
import static io.krug.loyalty.purchases.Sql.required;
import static io.krug.loyalty.purchases.Sql.status;
import static io.krug.loyalty.purchases.Sql.text;
import static io.krug.loyalty.purchases.Sql.ts;
import static io.krug.loyalty.purchases.Sql.tsOrNull;
import static io.krug.loyalty.purchases.Sql.uuid;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The purchases and the categories members have bought in. */
@Repository
class PurchaseStore {

	static final String COLUMNS = """
			id, business_id, member_id, phone, amount, refunded_amount, category, description, external_id, occurred_at,
			bonuses_earned, bonuses_spent, earn_tx_id, spend_tx_id, status, engaged, source_business_id, channel,
			recorded_by, created_at, status_before, status_after, pending_until, events_budget, commission, matched_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PurchaseStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * What recording a purchase needs to know, in one statement: whether the external id is already taken (claiming
	 * it when it is not), whether the category is new for the member (claiming it when it is), and the program's
	 * rules. A concurrent purchase with the same external id makes this statement wait until it commits; it is then
	 * {@code taken}, and nothing is claimed.
	 *
	 * @param taken the external id names a purchase recorded before (or just now, by a concurrent request)
	 */
	record Context(boolean taken, boolean newCategory, LoyaltyRules rules) {
	}

	Context context(UUID purchaseId, UUID businessId, @Nullable String externalId, @Nullable UUID memberId,
			String category, Instant at) {
		return jdbc.sql("""
				WITH claimed AS (
				  INSERT INTO loyalty.purchase_external_ids (program_id, business_id, external_id, purchase_id)
				  SELECT :program, :business, :externalId, :purchase WHERE CAST(:externalId AS text) IS NOT NULL
				  ON CONFLICT DO NOTHING RETURNING 1
				), marker AS (
				  INSERT INTO loyalty.member_categories (program_id, member_id, category, first_purchase_id, first_at)
				  SELECT :program, :member, :category, :purchase, :at
				  WHERE CAST(:member AS uuid) IS NOT NULL
				    AND (CAST(:externalId AS text) IS NULL OR EXISTS (SELECT 1 FROM claimed))
				  ON CONFLICT DO NOTHING RETURNING 1
				)
				SELECT CAST(:externalId AS text) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claimed) AS taken,
				       (SELECT count(*) FROM marker) AS new_category,
				       (SELECT rules::text FROM loyalty.program_rules WHERE program_id = :program) AS rules""")
			.param("program", program())
			.param("business", businessId)
			.param("externalId", text(externalId))
			.param("member", uuid(memberId))
			.param("category", category)
			.param("purchase", purchaseId)
			.param("at", ts(at))
			.query((rs, n) -> new Context(rs.getBoolean("taken"), rs.getInt("new_category") == 1,
					rules(rs.getString("rules"))))
			.single();
	}

	/** Claims the category for the member unless they bought in it before; true when it was new. */
	boolean claimCategory(UUID memberId, String category, UUID purchaseId, Instant at) {
		return jdbc.sql("""
				INSERT INTO loyalty.member_categories (program_id, member_id, category, first_purchase_id, first_at)
				VALUES (:program, :member, :category, :purchase, :at) ON CONFLICT DO NOTHING""")
			.param("program", program())
			.param("member", memberId)
			.param("category", category)
			.param("purchase", purchaseId)
			.param("at", ts(at))
			.update() == 1;
	}

	void insert(PurchaseRow p, LocalDate occurredOn) {
		jdbc.sql("INSERT INTO loyalty.purchases (program_id, occurred_on, " + COLUMNS + """
				) VALUES (:program, :occurredOn, :id, :business, :member, :phone, :amount, :refunded, :category,
				  :description, :externalId, :occurredAt, :earned, :spent, :earnTx, :spendTx, :status, :engaged,
				  :sourceBusiness, :channel, :recordedBy, :createdAt, :statusBefore, :statusAfter, :pendingUntil,
				  :budget, :commission, :matchedAt)""")
			.param("program", program())
			.param("occurredOn", occurredOn)
			.param("id", p.id())
			.param("business", p.businessId())
			.param("member", uuid(p.memberId()))
			.param("phone", text(p.phone()))
			.param("amount", p.amount())
			.param("refunded", p.refundedAmount())
			.param("category", p.category())
			.param("description", text(p.description()))
			.param("externalId", text(p.externalId()))
			.param("occurredAt", ts(p.occurredAt()))
			.param("earned", p.bonusesEarned())
			.param("spent", p.bonusesSpent())
			.param("earnTx", uuid(p.earnTxId()))
			.param("spendTx", uuid(p.spendTxId()))
			.param("status", p.status())
			.param("engaged", p.engaged())
			.param("sourceBusiness", uuid(p.sourceBusinessId()))
			.param("channel", p.channel())
			.param("recordedBy", p.recordedBy())
			.param("createdAt", ts(p.createdAt()))
			.param("statusBefore", status(p.statusBefore()))
			.param("statusAfter", status(p.statusAfter()))
			.param("pendingUntil", tsOrNull(p.pendingUntil()))
			.param("budget", p.eventsBudget())
			.param("commission", p.commission())
			.param("matchedAt", tsOrNull(p.matchedAt()))
			.update();
	}

	void setStatusAfter(UUID id, MemberStatus after) {
		jdbc.sql("UPDATE loyalty.purchases SET status_after = :after WHERE program_id = :program AND id = :id")
			.param("program", program())
			.param("id", id)
			.param("after", after.key())
			.update();
	}

	/** The purchase; with {@code business}, only if it is that business's. */
	Optional<PurchaseRow> find(UUID id, @Nullable UUID business) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM loyalty.purchases
				WHERE program_id = :program AND id = :id AND (CAST(:business AS uuid) IS NULL OR business_id = :business)""")
			.param("program", program())
			.param("id", id)
			.param("business", uuid(business))
			.query(PurchaseStore::row)
			.optional();
	}

	Optional<PurchaseRow> findByExternalId(UUID business, String externalId) {
		return byExternalId(business, externalId, "");
	}

	Set<String> existingExternalIds(UUID business, Collection<String> externalIds) {
		return new HashSet<>(jdbc.sql("""
				SELECT external_id FROM loyalty.purchases
				WHERE program_id = :program AND business_id = :business AND external_id IN (:ids)""")
			.param("program", program())
			.param("business", business)
			.param("ids", List.copyOf(externalIds))
			.query(String.class)
			.list());
	}

	/** The purchase with the external id, locked until the transaction ends. */
	Optional<PurchaseRow> lockByExternalId(UUID business, String externalId) {
		return byExternalId(business, externalId, " FOR UPDATE");
	}

	private Optional<PurchaseRow> byExternalId(UUID business, String externalId, String lock) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM loyalty.purchases
				WHERE program_id = :program AND business_id = :business AND external_id = :externalId""" + lock)
			.param("program", program())
			.param("business", business)
			.param("externalId", externalId)
			.query(PurchaseStore::row)
			.optional();
	}

	/** Filters of the purchase list; {@code null} means any. Times bound {@code occurred_at} as [from, to). */
	record Filter(@Nullable UUID business, @Nullable UUID member, @Nullable Instant from, @Nullable Instant to,
			int limit, int offset) {
	}

	record Page(List<PurchaseRow> purchases, long total) {
	}

	/** Newest first (by occurred_at, then id). */
	Page list(Filter filter) {
		List<String> where = new ArrayList<>(List.of("program_id = :program"));
		if (filter.business() != null) {
			where.add("business_id = :business");
		}
		if (filter.member() != null) {
			where.add("member_id = :member");
		}
		if (filter.from() != null) {
			where.add("occurred_at >= :from");
		}
		if (filter.to() != null) {
			where.add("occurred_at < :to");
		}
		String condition = " FROM loyalty.purchases WHERE " + String.join(" AND ", where);
		List<PurchaseRow> rows = bind(jdbc.sql("SELECT " + COLUMNS + condition
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset"), filter)
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(PurchaseStore::row)
			.list();
		long total = rows.isEmpty() && filter.offset() == 0 ? 0
				: bind(jdbc.sql("SELECT count(*)" + condition), filter).query(Long.class).single();
		return new Page(rows, total);
	}

	private StatementSpec bind(StatementSpec spec, Filter filter) {
		spec = spec.param("program", program());
		if (filter.business() != null) {
			spec = spec.param("business", filter.business());
		}
		if (filter.member() != null) {
			spec = spec.param("member", filter.member());
		}
		if (filter.from() != null) {
			spec = spec.param("from", ts(filter.from()));
		}
		if (filter.to() != null) {
			spec = spec.param("to", ts(filter.to()));
		}
		return spec;
	}

	/**
	 * The phone's unmatched, unrefunded purchases that occurred at or after {@code since}, oldest first, locked so
	 * that a second delivery of the registration waits and then finds them matched.
	 */
	List<PurchaseRow> lockClaimable(String phone, Instant since) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM loyalty.purchases
				WHERE program_id = :program AND member_id IS NULL AND phone = :phone AND status = 'unmatched'
				  AND refunded_amount = 0 AND occurred_at >= :since
				ORDER BY occurred_at, id FOR UPDATE""")
			.param("program", program())
			.param("phone", phone)
			.param("since", ts(since))
			.query(PurchaseStore::row)
			.list();
	}

	/** Credits an unmatched purchase to the member who registered with its phone, forgetting the phone. */
	void match(UUID id, UUID memberId, BigDecimal earned, @Nullable UUID earnTx, @Nullable Instant pendingUntil,
			MemberStatus status, Instant at) {
		int updated = jdbc.sql("""
				UPDATE loyalty.purchases SET member_id = :member, phone = NULL, status = 'recorded', matched_at = :at,
				  bonuses_earned = :earned, earn_tx_id = :earnTx, pending_until = :pendingUntil,
				  status_before = :status, status_after = :status
				WHERE program_id = :program AND id = :id AND member_id IS NULL""")
			.param("program", program())
			.param("id", id)
			.param("member", memberId)
			.param("earned", earned)
			.param("earnTx", uuid(earnTx))
			.param("pendingUntil", tsOrNull(pendingUntil))
			.param("status", status.key())
			.param("at", ts(at))
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Locked unmatched purchase " + id + " was not updated; indicates a bug");
		}
	}

	private LoyaltyRules rules(@Nullable String text) {
		return text == null ? LoyaltyRules.defaults() : json.readValue(text, LoyaltyRules.class);
	}

	static PurchaseRow row(ResultSet rs, int n) throws SQLException {
		return new PurchaseRow(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
				rs.getObject("member_id", UUID.class), rs.getString("phone"), rs.getBigDecimal("amount"),
				rs.getBigDecimal("refunded_amount"), rs.getString("category"), rs.getString("description"),
				rs.getString("external_id"), required(rs, "occurred_at"), rs.getBigDecimal("bonuses_earned"),
				rs.getBigDecimal("bonuses_spent"), rs.getObject("earn_tx_id", UUID.class),
				rs.getObject("spend_tx_id", UUID.class), rs.getString("status"), rs.getBoolean("engaged"),
				rs.getObject("source_business_id", UUID.class), rs.getString("channel"), rs.getString("recorded_by"),
				required(rs, "created_at"), status(rs.getString("status_before")), status(rs.getString("status_after")),
				instant(rs, "pending_until"), rs.getBigDecimal("events_budget"), rs.getBigDecimal("commission"),
				instant(rs, "matched_at"));
	}
}
