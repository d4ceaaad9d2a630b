package io.krug.loyalty.account;

import io.krug.platform.Money;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts and sums of the purchases recorded at a business in a period. */
@Repository
class PurchaseFigures {

	/** Purchases that occurred in a period: how many, their amounts, and how much of them was refunded since. */
	record Totals(long count, BigDecimal volume, BigDecimal refunded) {
	}

	private final JdbcClient jdbc;

	PurchaseFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every purchase at the business that occurred in [from, to), matched to a member or not yet. */
	Totals at(UUID businessId, MonthPeriod period) {
		return jdbc.sql("""
				SELECT count(*) AS purchases, coalesce(sum(amount), 0) AS volume,
				       coalesce(sum(refunded_amount), 0) AS refunded
				FROM loyalty.purchases
				WHERE program_id = :program AND business_id = :business
				  AND occurred_at >= :from AND occurred_at < :to""")
			.param("program", TenantContext.require().value())
			.param("business", businessId)
			.param("from", OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
			.query((rs, n) -> new Totals(rs.getLong("purchases"), Money.round(rs.getBigDecimal("volume")),
					Money.round(rs.getBigDecimal("refunded"))))
			.single();
	}
}
