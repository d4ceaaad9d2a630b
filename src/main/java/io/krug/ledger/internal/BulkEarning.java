package io.krug.ledger.internal;

import io.krug.ledger.EarnCommand;
import io.krug.ledger.LedgerBulk;
import io.krug.ledger.LedgerError;
import io.krug.ledger.PreparedEarns;
import io.krug.ledger.Reason;
import io.krug.platform.Ids;
import io.krug.platform.db.TextArrays;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many earns in one statement (ADR 0014): the commands travel as one array per column and data-modifying CTEs insert
 * the headers, the legs (funder LIABILITY −x, member PENDING or AVAILABLE +x, as {@link Earning} posts them), the
 * lots, and add each member's sum to the member's balance row (created on the first earn) once, in member order
 * (two concurrent bulk earns lock the rows they share in the same order). The statement
 * checks it wrote every row it should; the deferred balance triggers check every transaction at commit.
 */
@Service
class BulkEarning implements LedgerBulk {

	private final JdbcClient jdbc;

	private final Clock clock;

	BulkEarning(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public List<UUID> earnAll(List<EarnCommand> commands) {
		Prepared prepared = prepared(commands);
		write(prepared);
		return prepared.transactionIds();
	}

	@Override
	public PreparedEarns prepare(List<EarnCommand> commands) {
		return prepared(commands);
	}

	@Override
	@Transactional
	public void post(PreparedEarns earns) {
		if (!(earns instanceof Prepared prepared)) {
			throw new IllegalArgumentException("Earns not prepared by this ledger: " + earns.getClass());
		}
		write(prepared);
	}

	private Prepared prepared(List<EarnCommand> commands) {
		Instant now = clock.instant();
		Columns columns = new Columns(commands.size());
		for (EarnCommand command : commands) {
			columns.add(command, now);
		}
		return new Prepared(TenantContext.require().value(), now, columns);
	}

	private void write(Prepared prepared) {
		Columns columns = prepared.columns;
		int size = columns.ids.size();
		if (size == 0) {
			return;
		}
		if (!prepared.program.equals(TenantContext.require().value())) {
			throw new IllegalArgumentException("Earns prepared for another program");
		}
		Instant now = prepared.at;
		long[] counts = jdbc.sql("""
				WITH input AS (
				  SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:lots AS text[]), CAST(:members AS text[]),
				                       CAST(:funders AS text[]), CAST(:amounts AS text[]), CAST(:states AS text[]),
				                       CAST(:availableAt AS text[]), CAST(:expiresAt AS text[]), CAST(:reasons AS text[]),
				                       CAST(:descriptions AS text[]), CAST(:actors AS text[]),
				                       CAST(:sourceTypes AS text[]), CAST(:sourceIds AS text[]), CAST(:keys AS text[]))
				    AS i (id, lot, member, funder, amount, state, available_at, expires_at, reason, description, actor,
				          source_type, source_id, key)
				), typed AS (
				  SELECT CAST(id AS uuid) AS id, CAST(lot AS uuid) AS lot, CAST(member AS uuid) AS member,
				         CAST(funder AS uuid) AS funder, CAST(amount AS numeric(19,2)) AS amount, state,
				         CAST(available_at AS timestamptz) AS available_at, CAST(expires_at AS timestamptz) AS expires_at,
				         reason, description, actor, source_type, CAST(source_id AS uuid) AS source_id, key
				  FROM input
				), tx AS (
				  INSERT INTO ledger.transactions (id, program_id, reason, member_id, party_id, description, actor,
				                                   source_type, source_id, reverses, idempotency_key, created_at)
				  SELECT id, :program, reason, member, funder, description, actor, source_type, source_id, NULL, key, :at
				  FROM typed RETURNING 1
				), legs AS (
				  INSERT INTO ledger.entries (transaction_id, line, program_id, account, owner_id, amount, created_at)
				  SELECT id, 1, :program, 'LIABILITY', funder, -amount, :at FROM typed
				  UNION ALL
				  SELECT id, 2, :program, CASE state WHEN 'PENDING' THEN 'MEMBER_PENDING' ELSE 'MEMBER_AVAILABLE' END,
				         member, amount, :at FROM typed
				  RETURNING 1
				), lot AS (
				  INSERT INTO ledger.lots (id, program_id, member_id, funder_id, earn_transaction_id, amount, remaining,
				                           state, earned_at, available_at, expires_at)
				  SELECT lot, :program, member, funder, id, amount, amount, state, :at, available_at, expires_at FROM typed
				  RETURNING 1
				), bal AS (
				  INSERT INTO ledger.member_balances AS b (program_id, member_id, available, pending, version, updated_at)
				  SELECT :program, member, coalesce(sum(amount) FILTER (WHERE state = 'AVAILABLE'), 0),
				         coalesce(sum(amount) FILTER (WHERE state = 'PENDING'), 0), 1, :at
				  FROM typed GROUP BY member ORDER BY member
				  ON CONFLICT (program_id, member_id) DO UPDATE SET available = b.available + EXCLUDED.available,
				    pending = b.pending + EXCLUDED.pending, version = b.version + 1, updated_at = EXCLUDED.updated_at
				  RETURNING 1
				)
				SELECT (SELECT count(*) FROM tx) AS tx, (SELECT count(*) FROM legs) AS legs,
				       (SELECT count(*) FROM lot) AS lots, (SELECT count(*) FROM bal) AS balances,
				       (SELECT count(DISTINCT member) FROM typed) AS members""")
			.param("program", TenantContext.require().value())
			.param("at", Sql.ts(now))
			.param("ids", TextArrays.of(columns.ids))
			.param("lots", TextArrays.of(columns.lots))
			.param("members", TextArrays.of(columns.members))
			.param("funders", TextArrays.of(columns.funders))
			.param("amounts", TextArrays.of(columns.amounts))
			.param("states", TextArrays.of(columns.states))
			.param("availableAt", TextArrays.of(columns.availableAt))
			.param("expiresAt", TextArrays.of(columns.expiresAt))
			.param("reasons", TextArrays.of(columns.reasons))
			.param("descriptions", TextArrays.of(columns.descriptions))
			.param("actors", TextArrays.of(columns.actors))
			.param("sourceTypes", TextArrays.of(columns.sourceTypes))
			.param("sourceIds", TextArrays.of(columns.sourceIds))
			.param("keys", TextArrays.of(columns.keys))
			.query((rs, n) -> new long[] { rs.getLong("tx"), rs.getLong("legs"), rs.getLong("lots"),
					rs.getLong("balances"), rs.getLong("members") })
			.single();
		if (counts[0] != size || counts[1] != 2L * size || counts[2] != size || counts[3] != counts[4]) {
			throw new IllegalStateException("Bulk earn wrote a partial set: transactions " + counts[0] + ", legs "
					+ counts[1] + ", lots " + counts[2] + " of " + size + ", balances " + counts[3] + " of "
					+ counts[4] + "; indicates a bug");
		}
	}

	/** Earns checked, with their ids, as one list per column. */
	private record Prepared(UUID program, Instant at, Columns columns) implements PreparedEarns {

		@Override
		public List<UUID> transactionIds() {
			return List.copyOf(columns.ids);
		}
	}

	/** The commands, validated as {@link Earning} validates one, as one list per column. */
	private static final class Columns {

		final List<UUID> ids;

		final List<UUID> lots;

		final List<UUID> members;

		final List<UUID> funders;

		final List<BigDecimal> amounts;

		final List<String> states;

		final List<Instant> availableAt;

		final List<Instant> expiresAt;

		final List<String> reasons;

		final List<String> descriptions;

		final List<String> actors;

		final List<String> sourceTypes;

		final List<UUID> sourceIds;

		final List<String> keys;

		Columns(int size) {
			ids = new ArrayList<>(size);
			lots = new ArrayList<>(size);
			members = new ArrayList<>(size);
			funders = new ArrayList<>(size);
			amounts = new ArrayList<>(size);
			states = new ArrayList<>(size);
			availableAt = new ArrayList<>(size);
			expiresAt = new ArrayList<>(size);
			reasons = new ArrayList<>(size);
			descriptions = new ArrayList<>(size);
			actors = new ArrayList<>(size);
			sourceTypes = new ArrayList<>(size);
			sourceIds = new ArrayList<>(size);
			keys = new ArrayList<>(size);
		}

		void add(EarnCommand command, Instant now) {
			if (command.reason().use() != Reason.Use.EARN) {
				throw LedgerError.INVALID_POSTING.exception(command.reason() + " is not an earning reason.");
			}
			BigDecimal amount = Amounts.positive(command.amount(), "amount");
			if (!command.expiresAt().isAfter(now) || !command.expiresAt().isAfter(command.availableAt())) {
				throw LedgerError.INVALID_POSTING.exception("expires_at must be after now and after available_at.");
			}
			Header header = Header.of(command.reason(), command.memberId(), command.funder().value(),
					command.description(), command.actor(), command.source(), null, command.idempotencyKey(), now);
			ids.add(header.id());
			lots.add(Ids.newId());
			members.add(command.memberId());
			funders.add(command.funder().value());
			amounts.add(amount);
			states.add((command.availableAt().isAfter(now) ? LotState.PENDING : LotState.AVAILABLE).name());
			availableAt.add(command.availableAt());
			expiresAt.add(command.expiresAt());
			reasons.add(command.reason().name());
			descriptions.add(command.description());
			actors.add(command.actor());
			sourceTypes.add(command.source().type().key());
			sourceIds.add(command.source().id());
			keys.add(command.idempotencyKey());
		}
	}
}
