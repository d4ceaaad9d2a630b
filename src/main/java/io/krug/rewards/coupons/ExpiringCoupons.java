package io.krug.rewards.coupons;

import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.rewards.CouponExpiring;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces members' unused coupons whose campaign ends within {@link #AHEAD}: one {@link CouponExpiring} per
 * coupon, ever ({@code expiring_notified_at} is set by a conditional update in the transaction that publishes).
 */
@Service
class ExpiringCoupons {

	static final Duration AHEAD = Duration.ofDays(3);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	ExpiringCoupons(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.tx = tx;
	}

	/** Announces up to one batch of the current program's coupons, in a transaction of its own; returns how many. */
	private int announceBatch() {
		Instant now = clock.instant();
		ProgramId program = TenantContext.require();
		List<Due> due = jdbc.sql("""
				UPDATE rewards.coupons c SET expiring_notified_at = :now
				FROM rewards.coupon_campaigns k
				WHERE c.id IN (
				  SELECT c2.id FROM rewards.coupons c2 JOIN rewards.coupon_campaigns k2 ON k2.id = c2.campaign_id
				  WHERE c2.member_id IS NOT NULL AND c2.status = 'available' AND c2.expiring_notified_at IS NULL
				    AND k2.active AND k2.valid_until > :now AND k2.valid_until <= :until
				  ORDER BY c2.id LIMIT :batch FOR UPDATE OF c2 SKIP LOCKED)
				  AND k.id = c.campaign_id AND c.expiring_notified_at IS NULL
				RETURNING c.id, c.member_id, k.title, k.valid_until""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(AHEAD)))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
					rs.getString("title"), rs.getTimestamp("valid_until").toInstant()))
			.list();
		due.forEach(d -> events
			.publishEvent(new CouponExpiring(program, d.coupon(), d.member(), d.title(), d.until())));
		return due.size();
	}

	/** Announces all of the current program's due coupons. */
	int announceAll() {
		int total = 0;
		int announced;
		do {
			announced = java.util.Objects.requireNonNull(tx.execute(s -> announceBatch()));
			total += announced;
		}
		while (announced == BATCH);
		return total;
	}

	private record Due(UUID coupon, UUID member, String title, Instant until) {
	}
}
