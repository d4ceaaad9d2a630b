package io.krug.webhooks.internal;

import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes attempts and finished messages older than {@code krug.webhooks.retention} (30 days by default), of every
 * program, in batches of short transactions. The event log is kept: replays read it.
 */
@Component
class WebhookRetention {

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WebhookProperties properties;

	WebhookRetention(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.properties = properties;
	}

	/** @return rows deleted */
	long purge() {
		Instant cutoff = clock.instant().minus(properties.retention());
		return purge("""
				DELETE FROM webhooks.attempts WHERE id IN (
				  SELECT id FROM webhooks.attempts WHERE attempted_at < :cutoff LIMIT :batch)""", cutoff)
				+ purge("""
						DELETE FROM webhooks.messages WHERE id IN (
						  SELECT id FROM webhooks.messages WHERE status <> 'pending' AND finished_at < :cutoff
						  LIMIT :batch)""", cutoff);
	}

	private long purge(String sql, Instant cutoff) {
		long total = 0;
		int deleted;
		do {
			Integer count = TenantContext.callAsSystem(() -> transactions.execute(s -> jdbc.sql(sql)
				.param("cutoff", Timestamp.from(cutoff))
				.param("batch", BATCH)
				.update()));
			deleted = count == null ? 0 : count;
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}
}
