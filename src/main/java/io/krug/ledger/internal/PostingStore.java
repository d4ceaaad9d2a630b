package io.krug.ledger.internal;

import io.krug.ledger.MemberBalance;
import io.krug.ledger.Reason;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes ledger transactions. A header carrying an idempotency key is inserted with {@code ON CONFLICT DO NOTHING}
 * before anything else happens, so a repeated key (even a concurrent one, which waits for the first to commit)
 * writes nothing and is answered from the existing transaction.
 */
@Repository
class PostingStore {

	static final String INSERT_HEADER = "INSERT INTO ledger.transactions (" + Header.COLUMNS + ") VALUES ("
			+ Header.PARAMS + ") ON CONFLICT (program_id, idempotency_key) DO NOTHING RETURNING id, created_at";

	static final String INSERT_LEGS_FROM_TX = """
			INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, created_at)
			SELECT tx.id, v.line, :program, v.account, v.owner_id, v.amount, tx.created_at
			FROM tx, (VALUES :legs) AS v (line, account, owner_id, amount)
			RETURNING 1""";

	private final JdbcClient jdbc;

	PostingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What an earn statement wrote: the member's balance (empty when the earn's key was used already), and the ids of
	 * the postings written with it (a posting whose key was used already is not among them).
	 */
	record Earned(Optional<MemberBalance> balance, Set<UUID> posted) {
	}

	/**
	 * Earn in one statement: header, legs, lot, and the member's balance row (created on the first earn), and the
	 * general postings given with it (headers and legs). Each header is claimed by its own idempotency key.
	 */
	Earned earn(Header header, Legs legs, NewLot lot, List<Postings.Prepared> posts) {
		BigDecimal[] delta = legs.memberDelta(lot.memberId());
		String sql = "WITH tx AS (" + INSERT_HEADER + "), legs AS (" + INSERT_LEGS_FROM_TX + """
				), lot AS (
				  INSERT INTO ledger.lots (id, program_id, member_id, funder_id, earn_transaction_id, amount, remaining,
				                           state, earned_at, available_at, expires_at)
				  SELECT :lot, :program, :member, :funder, tx.id, :amount, :amount, :state, tx.created_at, :availableAt,
				         :expiresAt
				  FROM tx RETURNING 1
				), bal AS (
				  INSERT INTO ledger.member_balances AS b (program_id, member_id, available, pending, version, updated_at)
				  SELECT :program, :member, :available, :pending, 1, tx.created_at FROM tx
				  ON CONFLICT (program_id, member_id) DO UPDATE SET available = b.available + EXCLUDED.available,
				    pending = b.pending + EXCLUDED.pending, version = b.version + 1, updated_at = EXCLUDED.updated_at
				  RETURNING b.available, b.pending
				)""" + (posts.isEmpty() ? "" : """
				, ptx AS (
				  INSERT INTO ledger.transactions (""" + Header.COLUMNS + """
				) VALUES :postHeaders
				  ON CONFLICT (program_id, idempotency_key) DO NOTHING RETURNING id, created_at
				), plegs AS (
				  INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, created_at)
				  SELECT ptx.id, v.line, :program, v.account, v.owner_id, v.amount, ptx.created_at
				  FROM ptx JOIN (VALUES :postLegs) AS v (transaction_id, line, account, owner_id, amount)
				    ON v.transaction_id = ptx.id
				  RETURNING transaction_id
				)""") + """
				SELECT bal.available, bal.pending, (SELECT count(*) FROM legs) AS legs, (SELECT count(*) FROM lot) AS lots,
				  """ + (posts.isEmpty() ? "NULL::uuid[] AS posted, 0 AS post_legs"
						: "(SELECT array_agg(id) FROM ptx) AS posted, (SELECT count(*) FROM plegs) AS post_legs") + """

				FROM (SELECT 1) AS one LEFT JOIN bal ON true""";
		var spec = header.bind(jdbc.sql(sql), program())
			.param("legs", legs.balanced().stream().map(Legs.Leg::shortRow).toList())
			.param("lot", lot.id())
			.param("funder", lot.funderId())
			.param("amount", lot.amount())
			.param("state", lot.state().name())
			.param("availableAt", Sql.ts(lot.availableAt()))
			.param("expiresAt", Sql.ts(lot.expiresAt()))
			.param("available", delta[0])
			.param("pending", delta[1]);
		if (!posts.isEmpty()) {
			UUID program = program();
			spec = spec.param("postHeaders", posts.stream().map(p -> p.header().row(program)).toList())
				.param("postLegs", posts.stream()
					.flatMap(p -> p.legs().balanced().stream().map(leg -> postLeg(p.header().id(), leg)))
					.toList());
		}
		return spec.query((rs, n) -> earned(rs, legs, posts)).single();
	}

	private static Object[] postLeg(UUID transactionId, Legs.Leg leg) {
		return new Object[] { transactionId, leg.line(), leg.account().kind().name(), leg.account().owner(),
				leg.amount() };
	}

	private static Earned earned(ResultSet rs, Legs legs, List<Postings.Prepared> posts) throws SQLException {
		boolean claimed = rs.getBigDecimal("available") != null;
		if (claimed && (rs.getInt("legs") != legs.balanced().size() || rs.getInt("lots") != 1)) {
			throw new IllegalStateException("Earn wrote a partial transaction; indicates a bug");
		}
		Set<UUID> posted = new HashSet<>();
		java.sql.Array ids = rs.getArray("posted");
		if (ids != null) {
			for (Object id : (Object[]) ids.getArray()) {
				posted.add((UUID) id);
			}
		}
		int expectedLegs = posts.stream()
			.filter(p -> posted.contains(p.header().id()))
			.mapToInt(p -> p.legs().balanced().size())
			.sum();
		if (rs.getInt("post_legs") != expectedLegs) {
			throw new IllegalStateException("Earn wrote partial postings; indicates a bug");
		}
		return new Earned(claimed ? Optional.of(balance(rs)) : Optional.empty(), posted);
	}

	/**
	 * Claims the header and debits the member's available points in one statement, only when they cover the amount
	 * (the row lock of the conditional update serializes concurrent spends of one member).
	 */
	Claim claimAndDebit(Header header, UUID member, BigDecimal amount) {
		return header.bind(jdbc.sql("WITH tx AS (" + INSERT_HEADER + """
				), bal AS (
				  UPDATE ledger.member_balances b
				  SET available = b.available - :amount, version = b.version + 1, updated_at = :at
				  WHERE b.program_id = :program AND b.member_id = :debited AND b.available >= :amount
				    AND EXISTS (SELECT 1 FROM tx)
				  RETURNING b.available, b.pending
				)
				SELECT (SELECT count(*) FROM tx) AS claimed, bal.available, bal.pending
				FROM (SELECT 1) AS one LEFT JOIN bal ON true"""), program())
			.param("debited", member)
			.param("amount", amount)
			.query((rs, n) -> new Claim(rs.getInt("claimed") == 1,
					rs.getBigDecimal("available") == null ? null : balance(rs)))
			.single();
	}

	/** Inserts the header; false when its idempotency key was used already. */
	boolean claim(Header header) {
		return header.bind(jdbc.sql(INSERT_HEADER), program()).query((rs, n) -> 1).optional().isPresent();
	}

	/** Header and legs in one statement; false when the idempotency key was used already. */
	boolean post(Header header, Legs legs) {
		List<Legs.Leg> balanced = legs.balanced();
		Integer written = header
			.bind(jdbc.sql("WITH tx AS (" + INSERT_HEADER + "), legs AS (" + INSERT_LEGS_FROM_TX
					+ ") SELECT count(*) FROM legs"), program())
			.param("legs", balanced.stream().map(Legs.Leg::shortRow).toList())
			.query(Integer.class)
			.single();
		if (written != 0 && written != balanced.size()) {
			throw new IllegalStateException("Posting wrote " + written + " legs; indicates a bug");
		}
		return written != 0;
	}

	/** Writes a {@link WriteSet} in one statement; returns the balances of the members whose balance moved. */
	Map<UUID, MemberBalance> write(WriteSet set) {
		return new WriteStatement(jdbc, program(), set).execute();
	}

	Optional<StoredTransaction> findByKey(String key) {
		return jdbc.sql(SELECT_STORED + " WHERE t.program_id = :program AND t.idempotency_key = :key")
			.param("program", program())
			.param("key", key)
			.query(PostingStore::stored)
			.optional();
	}

	Optional<StoredTransaction> find(UUID id) {
		return jdbc.sql(SELECT_STORED + " WHERE t.program_id = :program AND t.id = :id")
			.param("program", program())
			.param("id", id)
			.query(PostingStore::stored)
			.optional();
	}

	/** What a reversal took [from the earn's lot, from other lots] and the loss it recorded. */
	BigDecimal[] reversalParts(UUID transactionId, UUID lotId) {
		return jdbc.sql("""
				SELECT coalesce((SELECT sum(amount) FROM ledger.lot_movements
				                 WHERE transaction_id = :tx AND lot_id = :lot), 0) AS from_lot,
				       coalesce((SELECT sum(amount) FROM ledger.lot_movements
				                 WHERE transaction_id = :tx AND lot_id <> :lot), 0) AS from_balance,
				       coalesce((SELECT -sum(amount) FROM ledger.entries
				                 WHERE transaction_id = :tx AND account = 'LOSS'), 0) AS loss""")
			.param("tx", transactionId)
			.param("lot", lotId)
			.query((rs, n) -> new BigDecimal[] { scaled(rs.getBigDecimal("from_lot")),
					scaled(rs.getBigDecimal("from_balance")), scaled(rs.getBigDecimal("loss")) })
			.single();
	}

	private static final String SELECT_STORED = """
			SELECT t.id, t.reason, t.member_id, t.party_id, t.reverses, t.created_at, b.available, b.pending
			FROM ledger.transactions t
			LEFT JOIN ledger.member_balances b ON b.program_id = t.program_id AND b.member_id = t.member_id""";

	private static StoredTransaction stored(ResultSet rs, int row) throws SQLException {
		MemberBalance balance = rs.getBigDecimal("available") == null ? MemberBalance.ZERO : balance(rs);
		return new StoredTransaction(Sql.uuid(rs, "id"), Reason.valueOf(rs.getString("reason")),
				Sql.nullableUuid(rs, "member_id"), Sql.nullableUuid(rs, "party_id"), Sql.nullableUuid(rs, "reverses"),
				Sql.instant(rs, "created_at"), balance);
	}

	static MemberBalance balance(ResultSet rs) throws SQLException {
		return new MemberBalance(scaled(rs.getBigDecimal("available")), scaled(rs.getBigDecimal("pending")));
	}

	private static BigDecimal scaled(BigDecimal value) {
		return value.setScale(io.krug.platform.Money.SCALE);
	}

	private static UUID program() {
		return TenantContext.require().value();
	}

	/** A new lot, written with its earn. */
	record NewLot(UUID id, UUID memberId, UUID funderId, BigDecimal amount, LotState state, Instant availableAt,
			Instant expiresAt) {
	}

	/** Whether the header was claimed and, when the debit was covered, the balance after it. */
	record Claim(boolean claimed, @Nullable MemberBalance balance) {
	}
}
