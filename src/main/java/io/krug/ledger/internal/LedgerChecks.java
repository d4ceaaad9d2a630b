package io.krug.ledger.internal;

import io.krug.ledger.LedgerCheck;
import io.krug.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's invariants as queries that list (up to ten) violations; an invariant holds when its query finds
 * none. Together they say: the books balance, and the state derived from them (balance rows, lots) agrees with them.
 */
@Repository
class LedgerChecks {

	private static final int SHOWN = 10;

	private static final List<Invariant> INVARIANTS = List.of(new Invariant("entries_sum_to_zero", """
			SELECT format('all entries sum to %s', s) FROM (
			  SELECT coalesce(sum(amount), 0) AS s FROM ledger.entries WHERE program_id = :program) x
			WHERE s <> 0""", "all entries sum to 0"),
			new Invariant("transactions_balance", """
					SELECT format('transaction %s: %s legs summing to %s', t.id, count(e.line), coalesce(sum(e.amount), 0))
					FROM ledger.transactions t LEFT JOIN ledger.entries e ON e.transaction_id = t.id
					WHERE t.program_id = :program
					GROUP BY t.id HAVING coalesce(sum(e.amount), 0) <> 0 OR count(e.line) < 2""",
					"every transaction has at least two legs summing to 0"),
			new Invariant("balances_match_entries", """
					WITH sums AS (
					  SELECT owner_id AS member_id,
					         coalesce(sum(amount) FILTER (WHERE account = 'MEMBER_AVAILABLE'), 0) AS available,
					         coalesce(sum(amount) FILTER (WHERE account = 'MEMBER_PENDING'), 0) AS pending
					  FROM ledger.entries WHERE program_id = :program AND account IN ('MEMBER_AVAILABLE', 'MEMBER_PENDING')
					  GROUP BY owner_id),
					balance_rows AS (SELECT member_id, available, pending FROM ledger.member_balances WHERE program_id = :program)
					SELECT format('member %s: balance row %s available / %s pending, entries %s / %s',
					              coalesce(r.member_id, s.member_id), r.available, r.pending, s.available, s.pending)
					FROM balance_rows r FULL JOIN sums s ON s.member_id = r.member_id
					WHERE coalesce(r.available, 0) <> coalesce(s.available, 0)
					   OR coalesce(r.pending, 0) <> coalesce(s.pending, 0)""",
					"every member's balance row equals the sum of the member's entries"),
			new Invariant("balances_match_lots", """
					WITH sums AS (
					  SELECT member_id,
					         coalesce(sum(remaining) FILTER (WHERE state = 'AVAILABLE'), 0) AS available,
					         coalesce(sum(remaining) FILTER (WHERE state = 'PENDING'), 0) AS pending
					  FROM ledger.lots WHERE program_id = :program GROUP BY member_id),
					balance_rows AS (SELECT member_id, available, pending FROM ledger.member_balances WHERE program_id = :program)
					SELECT format('member %s: balance row %s available / %s pending, lots %s / %s',
					              coalesce(r.member_id, s.member_id), r.available, r.pending, s.available, s.pending)
					FROM balance_rows r FULL JOIN sums s ON s.member_id = r.member_id
					WHERE coalesce(r.available, 0) <> coalesce(s.available, 0)
					   OR coalesce(r.pending, 0) <> coalesce(s.pending, 0)""",
					"every member's available and pending equal what is left of the member's lots in that state"),
			new Invariant("lots_match_movements", """
					SELECT format('lot %s: amount %s, remaining %s, moved %s', l.id, l.amount, l.remaining,
					              coalesce(m.moved, 0))
					FROM ledger.lots l
					LEFT JOIN (SELECT lot_id, sum(amount) AS moved FROM ledger.lot_movements WHERE program_id = :program
					           GROUP BY lot_id) m ON m.lot_id = l.id
					WHERE l.program_id = :program AND l.remaining <> l.amount - coalesce(m.moved, 0)""",
					"every lot's remaining equals its amount less its movements"),
			new Invariant("liabilities_match_lots", """
					WITH owed AS (
					  SELECT owner_id AS party, -sum(amount) AS owed FROM ledger.entries
					  WHERE program_id = :program AND account IN ('LIABILITY', 'LOSS') GROUP BY owner_id),
					held AS (SELECT funder_id AS party, sum(remaining) AS held FROM ledger.lots
					         WHERE program_id = :program GROUP BY funder_id)
					SELECT format('party %s: owes %s in liability and loss, its lots hold %s',
					              coalesce(o.party, h.party), o.owed, h.held)
					FROM owed o FULL JOIN held h ON h.party = o.party
					WHERE coalesce(o.owed, 0) <> coalesce(h.held, 0)""",
					"what every funder owes (liability and loss) equals what is left of its lots"),
			new Invariant("reversals_within_earns", """
					WITH reversed AS (
					  SELECT t.reverses AS earn, -sum(e.amount) AS amount
					  FROM ledger.transactions t JOIN ledger.entries e ON e.transaction_id = t.id
					  WHERE t.program_id = :program AND t.reason = 'REFUND_REVERSAL'
					    AND (e.account IN ('MEMBER_AVAILABLE', 'MEMBER_PENDING', 'LOSS'))
					  GROUP BY t.reverses)
					SELECT format('earn %s: lot of %s counts %s reversed, reversals took %s', l.earn_transaction_id,
					              l.amount, l.reversed, r.amount)
					FROM ledger.lots l LEFT JOIN reversed r ON r.earn = l.earn_transaction_id
					WHERE l.program_id = :program AND (l.reversed <> coalesce(r.amount, 0) OR l.reversed > l.amount)""",
					"reversals of every earn add up to its lot's reversed amount, never more than the earn"),
			new Invariant("restores_within_spends", """
					SELECT format('spend %s: lot %s given back %s more than taken', coalesce(t.reverses, t.id),
					              m.lot_id, -sum(m.amount))
					FROM ledger.lot_movements m JOIN ledger.transactions t ON t.id = m.transaction_id
					WHERE m.program_id = :program AND t.reason IN ('PURCHASE_SPEND', 'REWARD_REDEMPTION', 'SPEND_RESTORE')
					GROUP BY coalesce(t.reverses, t.id), m.lot_id HAVING sum(m.amount) < 0""",
					"restores of every spend give back no more than it took from each lot"),
			new Invariant("currency_balances_match_entries", """
					WITH sums AS (
					  SELECT owner_id AS member_id, sum(amount) AS balance FROM ledger.entries
					  WHERE program_id = :program AND account = 'MEMBER_CURRENCY' GROUP BY owner_id),
					balance_rows AS (SELECT member_id, balance FROM ledger.currency_balances
					                 WHERE program_id = :program)
					SELECT format('member %s: currency balance row %s, entries %s', coalesce(r.member_id, s.member_id),
					              r.balance, s.balance)
					FROM balance_rows r FULL JOIN sums s ON s.member_id = r.member_id
					WHERE coalesce(r.balance, 0) <> coalesce(s.balance, 0)""",
					"every member's currency balance row equals the sum of the member's currency entries"));

	private final JdbcClient jdbc;

	LedgerChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LedgerCheck check() {
		List<LedgerCheck.Check> checks = new ArrayList<>();
		for (Invariant invariant : INVARIANTS) {
			List<String> violations = jdbc.sql(invariant.sql() + " LIMIT " + SHOWN)
				.param("program", TenantContext.require().value())
				.query(String.class)
				.list();
			checks.add(new LedgerCheck.Check(invariant.name(), violations.isEmpty(),
					violations.isEmpty() ? invariant.holds() : String.join("; ", violations)));
		}
		return new LedgerCheck(checks.stream().allMatch(LedgerCheck.Check::ok), checks);
	}

	private record Invariant(String name, String sql, String holds) {
	}
}
