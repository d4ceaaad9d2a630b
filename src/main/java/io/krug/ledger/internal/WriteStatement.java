package io.krug.ledger.internal;

import io.krug.ledger.MemberBalance;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one statement that writes a {@link WriteSet}: data-modifying CTEs for headers, legs, lot movements, released
 * lots and balance rows. It checks every part wrote exactly the rows it should, so a lot or balance row that is not
 * there fails loudly instead of leaving the ledger and its derived state apart.
 */
final class WriteStatement {

	private final JdbcClient jdbc;

	private final UUID program;

	private final WriteSet set;

	private final Map<UUID, BigDecimal[]> changes;

	WriteStatement(JdbcClient jdbc, UUID program, WriteSet set) {
		this.jdbc = jdbc;
		this.program = program;
		this.set = set;
		this.changes = set.balanceChanges();
	}

	Map<UUID, MemberBalance> execute() {
		Map<UUID, MemberBalance> balances = new LinkedHashMap<>();
		long[] counts = new long[4];
		statement().query(rs -> {
			counts[0] = rs.getLong("legs");
			counts[1] = rs.getLong("lots");
			counts[2] = rs.getLong("released");
			UUID member = rs.getObject("member_id", UUID.class);
			if (member != null) {
				balances.put(member, PostingStore.balance(rs));
			}
		});
		verify(counts, balances);
		return balances;
	}

	private JdbcClient.StatementSpec statement() {
		OffsetDateTime at = Sql.ts(set.at());
		List<String> ctes = new ArrayList<>();
		JdbcClient.StatementSpec spec;
		if (!set.headers().isEmpty()) {
			ctes.add("tx AS (INSERT INTO ledger.transactions (" + Header.COLUMNS + ") VALUES :headers RETURNING 1)");
		}
		if (!set.legs().isEmpty()) {
			ctes.add("""
					legs AS (INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount,
					                                     created_at)
					         VALUES :legs RETURNING 1)""");
		}
		if (!set.moves().isEmpty()) {
			ctes.add("moves (transaction_id, lot_id, amount) AS (VALUES :moves)");
			ctes.add("""
					lots AS (UPDATE ledger.lots l SET remaining = l.remaining - m.amount FROM moves m
					         WHERE l.program_id = :program AND l.id = m.lot_id RETURNING 1)""");
			ctes.add("""
					movements AS (INSERT INTO ledger.lot_movements (transaction_id, lot_id, program_id, amount)
					              SELECT m.transaction_id, m.lot_id, :program, m.amount FROM moves m RETURNING 1)""");
		}
		if (!set.released().isEmpty()) {
			ctes.add("""
					released AS (UPDATE ledger.lots SET state = 'AVAILABLE'
					             WHERE program_id = :program AND id IN (:released) AND state = 'PENDING' RETURNING 1)""");
		}
		if (!changes.isEmpty()) {
			ctes.add("deltas (member_id, available, pending) AS (VALUES :deltas)");
			ctes.add("""
					bal AS (UPDATE ledger.member_balances b
					        SET available = b.available + d.available, pending = b.pending + d.pending,
					            version = b.version + 1, updated_at = :at
					        FROM deltas d WHERE b.program_id = :program AND b.member_id = d.member_id
					        RETURNING b.member_id, b.available, b.pending)""");
		}
		String counts = "SELECT " + (set.legs().isEmpty() ? "0" : "(SELECT count(*) FROM legs)") + " AS legs, "
				+ (set.moves().isEmpty() ? "0" : "(SELECT count(*) FROM lots)") + " AS lots, "
				+ (set.released().isEmpty() ? "0" : "(SELECT count(*) FROM released)") + " AS released";
		String select = changes.isEmpty()
				? "SELECT c.*, NULL::uuid AS member_id, NULL::numeric AS available, NULL::numeric AS pending FROM ("
						+ counts + ") c"
				: "SELECT c.*, bal.member_id, bal.available, bal.pending FROM (" + counts + ") c LEFT JOIN bal ON true";
		spec = jdbc.sql("WITH " + String.join(",\n", ctes) + "\n" + select).param("program", program).param("at", at);
		if (!set.legs().isEmpty()) {
			spec = spec.param("legs",
					set.legs().stream().map(l -> l.leg().row(l.transactionId(), program, at)).toList());
		}
		if (!set.headers().isEmpty()) {
			spec = spec.param("headers", set.headers().stream().map(h -> h.row(program)).toList());
		}
		if (!set.moves().isEmpty()) {
			spec = spec.param("moves", set.moves()
				.stream()
				.map(m -> new Object[] { m.transactionId(), m.move().lotId(), m.move().amount() })
				.toList());
		}
		if (!set.released().isEmpty()) {
			spec = spec.param("released", set.released());
		}
		if (!changes.isEmpty()) {
			spec = spec.param("deltas", changes.entrySet()
				.stream()
				.map(e -> new Object[] { e.getKey(), e.getValue()[0], e.getValue()[1] })
				.toList());
		}
		return spec;
	}

	private void verify(long[] counts, Map<UUID, MemberBalance> balances) {
		if (counts[0] != set.legs().size() || counts[1] != set.moves().size()
				|| counts[2] != set.released().size() || !balances.keySet().equals(changes.keySet())) {
			throw new IllegalStateException("Ledger write incomplete: legs " + counts[0] + "/" + set.legs().size()
					+ ", lots " + counts[1] + "/" + set.moves().size() + ", released " + counts[2] + "/"
					+ set.released().size() + ", balances " + balances.keySet() + "/" + changes.keySet()
					+ "; indicates a bug");
		}
	}
}
