package io.krug.ledger.internal;

import io.krug.ledger.MemberBalance;
import io.krug.ledger.Reason;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and locks lots and balance rows. Lock order, everywhere: a member's balance row first, then the member's
 * lots. The balance row is the member's mutex: whoever changes a member's lots holds it, so lots read after it is
 * taken cannot change underneath.
 */
@Repository
class LotStore {

	private static final List<String> EARN_REASONS = Arrays.stream(Reason.values())
		.filter(r -> r.use() == Reason.Use.EARN)
		.map(Reason::name)
		.toList();

	private final JdbcClient jdbc;

	LotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The member's available lots, oldest expiry first, locked, as many as it takes to cover {@code amount} (all of
	 * them when they do not). Slices carry the lot's remaining points.
	 */
	List<LotMove> lockSpendable(UUID member, BigDecimal amount, @Nullable UUID excludedLot) {
		return jdbc.sql("""
				SELECT id, funder_id, remaining FROM (
				  SELECT id, funder_id, remaining, expires_at,
				         sum(remaining) OVER (ORDER BY expires_at, id) - remaining AS before
				  FROM (SELECT id, funder_id, remaining, expires_at FROM ledger.lots
				        WHERE program_id = :program AND member_id = :member AND state = 'AVAILABLE' AND remaining > 0
				          AND id <> :excluded
				        FOR UPDATE) AS locked
				) AS ordered
				WHERE before < :amount
				ORDER BY expires_at, id""")
			.param("program", program())
			.param("member", member)
			.param("excluded", excludedLot == null ? new UUID(0, 0) : excludedLot)
			.param("amount", amount)
			.query((rs, n) -> new LotMove(Sql.uuid(rs, "id"), Sql.uuid(rs, "funder_id"), rs.getBigDecimal("remaining")))
			.list();
	}

	Optional<MemberBalance> lockBalance(UUID member) {
		return jdbc.sql("""
				SELECT available, pending FROM ledger.member_balances
				WHERE program_id = :program AND member_id = :member FOR UPDATE""")
			.param("program", program())
			.param("member", member)
			.query((rs, n) -> PostingStore.balance(rs))
			.optional();
	}

	/** The lot an earn created; empty when the transaction is not an earn (an adjustment's lot is not). */
	Optional<Lot> findEarnLot(UUID earnTransactionId) {
		return jdbc.sql("SELECT " + Lot.COLUMNS + """
				 FROM ledger.lots l JOIN ledger.transactions t ON t.id = l.earn_transaction_id
				WHERE l.program_id = :program AND l.earn_transaction_id = :tx AND t.reason IN (:earnReasons)""")
			.param("program", program())
			.param("tx", earnTransactionId)
			.param("earnReasons", EARN_REASONS)
			.query(Lot::map)
			.optional();
	}

	/**
	 * Counts {@code amount} against what may still be reversed of the lot and locks it; empty when all reversals
	 * together would exceed the lot's amount.
	 */
	Optional<Lot> reserveReversal(UUID lotId, BigDecimal amount) {
		return jdbc.sql("UPDATE ledger.lots l SET reversed = l.reversed + :amount"
				+ " WHERE l.program_id = :program AND l.id = :lot AND l.reversed + :amount <= l.amount RETURNING "
				+ Lot.COLUMNS)
			.param("program", program())
			.param("lot", lotId)
			.param("amount", amount)
			.query(Lot::map)
			.optional();
	}

	/**
	 * What can still be given back per lot to a spend: taken by it less given back by its restores, oldest expiry
	 * first, locked.
	 */
	List<LotMove> restorable(UUID spendTransactionId) {
		return jdbc.sql("""
				SELECT l.id, l.funder_id, r.amount FROM (
				  SELECT m.lot_id, sum(m.amount) AS amount
				  FROM ledger.lot_movements m JOIN ledger.transactions t ON t.id = m.transaction_id
				  WHERE m.program_id = :program
				    AND (t.id = :spend OR (t.reverses = :spend AND t.reason = 'SPEND_RESTORE'))
				  GROUP BY m.lot_id HAVING sum(m.amount) > 0
				) AS r JOIN ledger.lots l ON l.id = r.lot_id
				ORDER BY l.expires_at, l.id
				FOR UPDATE OF l""")
			.param("program", program())
			.param("spend", spendTransactionId)
			.query((rs, n) -> new LotMove(Sql.uuid(rs, "id"), Sql.uuid(rs, "funder_id"), rs.getBigDecimal("amount")))
			.list();
	}

	/** Members with lots due for a job, by member id, at most {@code limit}. */
	List<UUID> membersDue(LotJob job, Instant now, int limit) {
		return jdbc.sql("SELECT DISTINCT l.member_id FROM ledger.lots l WHERE l.program_id = :program AND "
				+ job.due() + " ORDER BY l.member_id LIMIT :limit")
			.param("program", program())
			.param("now", Sql.ts(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** Locks the balance rows of members, in member id order so that concurrent runs cannot deadlock. */
	void lockBalances(List<UUID> members) {
		jdbc.sql("""
				SELECT member_id FROM ledger.member_balances
				WHERE program_id = :program AND member_id IN (:members) ORDER BY member_id FOR UPDATE""")
			.param("program", program())
			.param("members", members)
			.query(UUID.class)
			.list();
	}

	/** The members' lots due for a job, locked (call with their balance rows locked). */
	List<Lot> lockDue(LotJob job, List<UUID> members, Instant now) {
		return jdbc.sql("SELECT " + Lot.COLUMNS + " FROM ledger.lots l WHERE l.program_id = :program"
				+ " AND l.member_id IN (:members) AND " + job.due() + " ORDER BY l.member_id, l.expires_at, l.id"
				+ " FOR UPDATE")
			.param("program", program())
			.param("members", members)
			.param("now", Sql.ts(now))
			.query(Lot::map)
			.list();
	}

	private static UUID program() {
		return TenantContext.require().value();
	}

	/** The two lot jobs and which lots are due for them. */
	enum LotJob {

		RELEASE("l.state = 'PENDING' AND l.available_at <= :now"),
		EXPIRE("l.remaining > 0 AND l.expires_at <= :now");

		private final String due;

		LotJob(String due) {
			this.due = due;
		}

		String due() {
			return due;
		}
	}
}
