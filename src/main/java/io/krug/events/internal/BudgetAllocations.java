package io.krug.events.internal;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code events.budget_allocations}. */
@Repository
public class BudgetAllocations {

	private final JdbcClient jdbc;

	BudgetAllocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An allocation as the budget screen shows it.
	 *
	 * @param eventStartsAt the event's start in the program's time zone
	 */
	public record Line(UUID id, UUID eventId, String eventTitle, LocalDateTime eventStartsAt, BudgetLevel level,
			YearMonth month, BigDecimal amount, UUID ledgerTransactionId, @Nullable String note, Instant allocatedAt) {
	}

	/** Serializes allocations of the program until the transaction ends, so caps hold under concurrency. */
	void lockBudget() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('events.budget:' || CAST(:p AS text), 0))")
			.param("p", program())
			.query(rs -> {
			});
	}

	void insert(UUID id, UUID event, BudgetLevel level, LocalDate month, BigDecimal amount, UUID transaction,
			@Nullable String note, String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO events.budget_allocations (id, program_id, event_id, level, budget_month, amount,
				  ledger_transaction_id, note, allocated_by, allocated_at)
				VALUES (:id, :p, :event, :level, :month, :amount, :tx, :note, :actor, :at)""")
			.param("id", id)
			.param("p", program())
			.param("event", event)
			.param("level", level.key())
			.param("month", Date.valueOf(month))
			.param("amount", amount)
			.param("tx", transaction)
			.param("note", note)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	Map<BudgetLevel, BigDecimal> allocatedByLevel(LocalDate month) {
		Map<BudgetLevel, BigDecimal> sums = new EnumMap<>(BudgetLevel.class);
		jdbc.sql("""
				SELECT level, sum(amount) FROM events.budget_allocations
				WHERE program_id = :p AND budget_month = :month GROUP BY level""")
			.param("p", program())
			.param("month", Date.valueOf(month))
			.query(rs -> {
				sums.put(Keys.parse(BudgetLevel.class, rs.getString(1)), rs.getBigDecimal(2));
			});
		return sums;
	}

	Line line(UUID id, ZoneId zone) {
		return jdbc.sql(SELECT + " WHERE a.program_id = :p AND a.id = :id")
			.param("p", program())
			.param("id", id)
			.query((rs, n) -> map(rs, zone))
			.single();
	}

	List<Line> ofMonth(LocalDate month, ZoneId zone) {
		return jdbc.sql(SELECT + " WHERE a.program_id = :p AND a.budget_month = :month ORDER BY a.allocated_at, a.id")
			.param("p", program())
			.param("month", Date.valueOf(month))
			.query((rs, n) -> map(rs, zone))
			.list();
	}

	private static final String SELECT = """
			SELECT a.*, e.title, e.starts_at FROM events.budget_allocations a JOIN events.events e ON e.id = a.event_id""";

	private static Line map(ResultSet rs, ZoneId zone) throws SQLException {
		return new Line(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("title"),
				ProgramZone.toLocal(rs.getTimestamp("starts_at").toInstant(), zone),
				Keys.parse(BudgetLevel.class, rs.getString("level")),
				YearMonth.from(rs.getDate("budget_month").toLocalDate()), rs.getBigDecimal("amount"),
				rs.getObject("ledger_transaction_id", UUID.class), rs.getString("note"),
				rs.getTimestamp("allocated_at").toInstant());
	}

	private static UUID program() {
		return TenantContext.require().value();
	}
}
