package io.krug.ledger.internal;

import io.krug.ledger.CurrencyHistory;
import io.krug.ledger.Reason;
import io.krug.ledger.SourceType;
import io.krug.platform.Money;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads currency moves. Each move is one statement: the header (claimed by its idempotency key), the
 * legs, and the member's {@code ledger.currency_balances} row; a debit updates the row only where the balance covers
 * it, so the row lock serializes concurrent debits of one member and the balance never goes below zero.
 */
@Repository
class CurrencyStore {

	private final JdbcClient jdbc;

	CurrencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The balance after the credit; empty when the idempotency key was used already. */
	Optional<BigDecimal> credit(Header header, UUID member, BigDecimal amount, Legs legs) {
		return header.bind(jdbc.sql("WITH tx AS (" + PostingStore.INSERT_HEADER + "), legs AS ("
				+ PostingStore.INSERT_LEGS_FROM_TX + """
				), bal AS (
				  INSERT INTO ledger.currency_balances AS b (program_id, member_id, balance, version, updated_at)
				  SELECT :program, :member, :amount, 1, tx.created_at FROM tx
				  ON CONFLICT (program_id, member_id) DO UPDATE SET balance = b.balance + EXCLUDED.balance,
				    version = b.version + 1, updated_at = EXCLUDED.updated_at
				  RETURNING b.balance
				)
				SELECT bal.balance, (SELECT count(*) FROM legs) AS legs FROM bal"""), program())
			.param("legs", legs.balanced().stream().map(Legs.Leg::shortRow).toList())
			.param("member", member)
			.param("amount", amount)
			.query((rs, n) -> {
				if (rs.getInt("legs") != 2) {
					throw new IllegalStateException("Currency credit wrote a partial transaction; indicates a bug");
				}
				return scaled(rs.getBigDecimal("balance"));
			})
			.optional();
	}

	/**
	 * Claims the header and, when the balance covers the amount, debits it and writes the legs. The balance is
	 * {@code null} when the key was claimed but the balance was short (the caller must fail the transaction).
	 */
	Debit debit(Header header, UUID member, BigDecimal amount, Legs legs) {
		return header.bind(jdbc.sql("WITH tx AS (" + PostingStore.INSERT_HEADER + """
				), bal AS (
				  UPDATE ledger.currency_balances b
				  SET balance = b.balance - :amount, version = b.version + 1, updated_at = :at
				  WHERE b.program_id = :program AND b.member_id = :member AND b.balance >= :amount
				    AND EXISTS (SELECT 1 FROM tx)
				  RETURNING b.balance
				), legs AS (
				  INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, created_at)
				  SELECT tx.id, v.line, :program, v.account, v.owner_id, v.amount, tx.created_at
				  FROM tx, bal, (VALUES :legs) AS v (line, account, owner_id, amount)
				  RETURNING 1
				)
				SELECT (SELECT count(*) FROM tx) AS claimed, bal.balance, (SELECT count(*) FROM legs) AS legs
				FROM (SELECT 1) AS one LEFT JOIN bal ON true"""), program())
			.param("legs", legs.balanced().stream().map(Legs.Leg::shortRow).toList())
			.param("member", member)
			.param("amount", amount)
			.query((rs, n) -> {
				BigDecimal balance = rs.getBigDecimal("balance");
				if (balance != null && rs.getInt("legs") != 2) {
					throw new IllegalStateException("Currency debit wrote a partial transaction; indicates a bug");
				}
				return new Debit(rs.getInt("claimed") == 1, balance == null ? null : scaled(balance));
			})
			.single();
	}

	BigDecimal balance(UUID member) {
		return jdbc
			.sql("SELECT balance FROM ledger.currency_balances WHERE program_id = :program AND member_id = :member")
			.param("program", program())
			.param("member", member)
			.query(BigDecimal.class)
			.optional()
			.map(CurrencyStore::scaled)
			.orElse(Amounts.ZERO);
	}

	CurrencyHistory history(UUID member, int limit, int offset) {
		String from = """
				FROM ledger.entries e JOIN ledger.transactions t ON t.id = e.transaction_id
				WHERE e.program_id = :program AND e.owner_id = :member AND e.account = 'MEMBER_CURRENCY'""";
		List<CurrencyHistory.Item> items = jdbc
			.sql("SELECT t.*, e.amount " + from + " ORDER BY e.created_at DESC, t.id DESC LIMIT :limit OFFSET :offset")
			.param("program", program())
			.param("member", member)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new CurrencyHistory.Item(Sql.uuid(rs, "id"), rs.getBigDecimal("amount"),
					Reason.valueOf(rs.getString("reason")), SourceType.fromKey(rs.getString("source_type")),
					Sql.nullableUuid(rs, "source_id"), rs.getString("description"), Sql.instant(rs, "created_at")))
			.list();
		long total = jdbc.sql("SELECT count(*) " + from)
			.param("program", program())
			.param("member", member)
			.query(Long.class)
			.single();
		return new CurrencyHistory(items, total);
	}

	private static BigDecimal scaled(BigDecimal value) {
		return value.setScale(Money.SCALE);
	}

	private static UUID program() {
		return TenantContext.require().value();
	}

	/** Whether the header was claimed and, when the balance covered the debit, the balance after it. */
	record Debit(boolean claimed, @Nullable BigDecimal balance) {
	}
}
