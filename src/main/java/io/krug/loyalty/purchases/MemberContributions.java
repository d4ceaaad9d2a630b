package io.krug.loyalty.purchases;

import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member's purchases put into the club's events budget (seed 003's transparency screen): the share each
 * purchase sent to the budget when it was recorded, by the moment it was recorded (as the ledger books it).
 */
@Service
@NamedInterface("purchases")
public class MemberContributions {

	private final JdbcClient jdbc;

	MemberContributions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The member's contributions recorded in [from, to). */
	public record Contribution(BigDecimal total, List<Item> purchases) {
	}

	/** One purchase and the share of it that went to the events budget. */
	public record Item(UUID purchaseId, UUID businessId, Instant occurredAt, BigDecimal amount,
			BigDecimal contribution) {
	}

	@Transactional(readOnly = true)
	public Contribution ofMember(UUID memberId, Instant from, Instant to) {
		List<Item> items = jdbc.sql("""
				SELECT id, business_id, occurred_at, amount, events_budget FROM loyalty.purchases
				WHERE program_id = :p AND member_id = :m AND created_at >= :from AND created_at < :to
				  AND events_budget > 0
				ORDER BY occurred_at, id""")
			.param("p", TenantContext.require().value())
			.param("m", memberId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
					rs.getTimestamp("occurred_at").toInstant(), rs.getBigDecimal("amount"),
					rs.getBigDecimal("events_budget")))
			.list();
		return new Contribution(items.stream().map(Item::contribution).reduce(BigDecimal.ZERO, BigDecimal::add), items);
	}
}
