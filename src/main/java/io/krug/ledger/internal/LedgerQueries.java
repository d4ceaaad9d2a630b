package io.krug.ledger.internal;

import io.krug.ledger.AccountKind;
import io.krug.ledger.Balance;
import io.krug.ledger.ExpiringLots;
import io.krug.ledger.History;
import io.krug.ledger.HistoryType;
import io.krug.ledger.LedgerAccount;
import io.krug.ledger.MemberBalance;
import io.krug.ledger.PartyActivity;
import io.krug.ledger.PartyId;
import io.krug.ledger.Payable;
import io.krug.ledger.Reason;
import io.krug.ledger.SourceType;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads: balances, history, party activity and settlement. System and party balances are sums over entries. */
@Repository
class LedgerQueries {

	private static final String MEMBER_ACCOUNTS = "('MEMBER_AVAILABLE', 'MEMBER_PENDING')";

	private static final List<String> PARTY_KINDS = Arrays.stream(AccountKind.values())
		.filter(kind -> !kind.isMember())
		.map(Enum::name)
		.toList();

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Clock clock;

	LedgerQueries(JdbcClient jdbc, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.clock = clock;
	}

	Balance balance(UUID member, Duration expiringWithin) {
		MemberBalance balance = jdbc
			.sql("SELECT available, pending FROM ledger.member_balances WHERE program_id = :program AND member_id = :member")
			.param("program", program())
			.param("member", member)
			.query((rs, n) -> PostingStore.balance(rs))
			.optional()
			.orElse(MemberBalance.ZERO);
		List<Balance.Expiring> expiring = jdbc.sql("""
				SELECT (expires_at AT TIME ZONE :zone)::date AS day, sum(remaining) AS amount FROM ledger.lots
				WHERE program_id = :program AND member_id = :member AND remaining > 0 AND expires_at <= :until
				GROUP BY day ORDER BY day""")
			.param("zone", programs.get(TenantContext.require()).timeZone().getId())
			.param("program", program())
			.param("member", member)
			.param("until", Sql.ts(clock.instant().plus(expiringWithin)))
			.query((rs, n) -> new Balance.Expiring(rs.getBigDecimal("amount"), rs.getObject("day", LocalDate.class)))
			.list();
		return new Balance(balance.total(), balance.available(), balance.pending(), expiring);
	}

	List<ExpiringLots> expiringBetween(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT member_id, (expires_at AT TIME ZONE :zone)::date AS day, sum(remaining) AS amount,
				  min(expires_at) AS first_expiry
				FROM ledger.lots
				WHERE program_id = :program AND remaining > 0 AND expires_at >= :from AND expires_at < :to
				GROUP BY member_id, day ORDER BY member_id, day""")
			.param("zone", programs.get(TenantContext.require()).timeZone().getId())
			.param("program", program())
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.query((rs, n) -> new ExpiringLots(Sql.uuid(rs, "member_id"), rs.getObject("day", LocalDate.class),
					rs.getBigDecimal("amount"), Sql.instant(rs, "first_expiry")))
			.list();
	}

	History history(UUID member, @Nullable HistoryType type, int limit, int offset) {
		List<String> reasons = Arrays.stream(Reason.values())
			.filter(r -> r.historyType() != null && (type == null || r.historyType() == type))
			.map(Enum::name)
			.toList();
		String from = """
				FROM ledger.transactions t
				JOIN LATERAL (SELECT sum(e.amount) AS amount FROM ledger.entries e
				              WHERE e.transaction_id = t.id AND e.account IN %s) m ON m.amount IS NOT NULL
				WHERE t.program_id = :program AND t.member_id = :member AND t.reason IN (:reasons)"""
			.formatted(MEMBER_ACCOUNTS);
		List<History.Item> items = jdbc.sql("SELECT t.*, m.amount, "
				+ "(SELECT l.state FROM ledger.lots l WHERE l.program_id = t.program_id AND l.earn_transaction_id = t.id "
				+ "LIMIT 1) AS lot_state " + from + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit OFFSET :offset")
			.param("program", program())
			.param("member", member)
			.param("reasons", reasons)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				Reason reason = Reason.valueOf(rs.getString("reason"));
				return new History.Item(Sql.uuid(rs, "id"), Objects.requireNonNull(reason.historyType()),
						rs.getBigDecimal("amount"), reason, SourceType.fromKey(rs.getString("source_type")),
						Sql.nullableUuid(rs, "source_id"), Sql.nullableUuid(rs, "party_id"),
						rs.getString("description"), Sql.instant(rs, "created_at"), rs.getString("lot_state"));
			})
			.list();
		long total = jdbc.sql("SELECT count(*) " + from)
			.param("program", program())
			.param("member", member)
			.param("reasons", reasons)
			.query(Long.class)
			.single();
		return new History(items, total);
	}

	BigDecimal accountBalance(LedgerAccount account) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount), 0) FROM ledger.entries
				WHERE program_id = :program AND owner_id = :owner AND account = :account""")
			.param("program", program())
			.param("owner", account.owner())
			.param("account", account.kind().name())
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	PartyActivity partyActivity(PartyId party, Instant from, Instant to) {
		List<PartyActivity.Line> lines = jdbc.sql("""
				SELECT e.account, t.reason, sum(e.amount) AS amount, count(*) AS legs
				FROM ledger.entries e JOIN ledger.transactions t ON t.id = e.transaction_id
				WHERE e.program_id = :program AND e.owner_id = :party AND e.account IN (:kinds)
				  AND e.created_at >= :from AND e.created_at < :to
				GROUP BY e.account, t.reason ORDER BY e.account, t.reason""")
			.param("program", program())
			.param("party", party.value())
			.param("kinds", PARTY_KINDS)
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.query((rs, n) -> new PartyActivity.Line(AccountKind.valueOf(rs.getString("account")),
					Reason.valueOf(rs.getString("reason")), rs.getBigDecimal("amount"), rs.getLong("legs")))
			.list();
		List<PartyActivity.AccountBalance> closing = jdbc.sql("""
				SELECT account, sum(amount) AS balance FROM ledger.entries
				WHERE program_id = :program AND owner_id = :party AND account IN (:kinds) AND created_at < :to
				GROUP BY account ORDER BY account""")
			.param("program", program())
			.param("party", party.value())
			.param("kinds", PARTY_KINDS)
			.param("to", Sql.ts(to))
			.query((rs, n) -> new PartyActivity.AccountBalance(AccountKind.valueOf(rs.getString("account")),
					rs.getBigDecimal("balance")))
			.list();
		return new PartyActivity(party, from, to, lines, closing);
	}

	List<Payable> settlementBetween(Instant from, Instant to) {
		Netting netting = new Netting(program());
		UUID[] current = new UUID[1];
		Map<UUID, BigDecimal> legs = new TreeMap<>();
		jdbc.sql("""
				SELECT transaction_id, owner_id, sum(amount) AS amount FROM ledger.entries
				WHERE program_id = :program AND account = 'SETTLEMENT' AND created_at >= :from AND created_at < :to
				GROUP BY transaction_id, owner_id ORDER BY transaction_id, owner_id""")
			.param("program", program())
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.query(rs -> {
				UUID transaction = Sql.uuid(rs, "transaction_id");
				if (!transaction.equals(current[0]) && !legs.isEmpty()) {
					netting.add(legs);
					legs.clear();
				}
				current[0] = transaction;
				legs.put(Sql.uuid(rs, "owner_id"), rs.getBigDecimal("amount"));
			});
		if (!legs.isEmpty()) {
			netting.add(legs);
		}
		return netting.payables();
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
