package io.krug.notifications.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery figures of the messages created in a period, from their status histories: delivery rate = delivered /
 * sent, open rate = opened / delivered, click-through rate = clicked / delivered, bounce rate = bounced / sent (in
 * percent, 2 decimals, HALF_EVEN; null when the divisor is 0). Delivered means sent and not bounced.
 */
@Service
public class DeliveryAnalytics {

	private final JdbcClient jdbc;

	DeliveryAnalytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures. */
	public record Report(Instant from, Instant to, @Nullable String channel, @Nullable String category, long total,
			long pending, long sent, long delivered, long opened, long clicked, long bounced, long failed,
			long suppressed, @Nullable BigDecimal deliveryRate, @Nullable BigDecimal openRate,
			@Nullable BigDecimal clickThroughRate, @Nullable BigDecimal bounceRate) {
	}

	@Transactional(readOnly = true)
	public Report report(UUID programId, Instant from, Instant to, @Nullable String channel,
			@Nullable String category) {
		return jdbc.sql("""
				WITH m AS (
				  SELECT msg.id, msg.status,
				         bool_or(e.status IN ('sent', 'delivered')) AS was_sent,
				         bool_or(e.status IN ('opened', 'clicked')) AS was_opened,
				         bool_or(e.status = 'clicked') AS was_clicked,
				         bool_or(e.status = 'bounced') AS was_bounced
				  FROM notifications.messages msg
				  JOIN notifications.message_events e ON e.message_id = msg.id
				  WHERE msg.program_id = :p AND msg.created_at >= :from AND msg.created_at < :to
				    AND (CAST(:channel AS text) IS NULL OR msg.channel = :channel)
				    AND (CAST(:category AS text) IS NULL OR msg.category = :category)
				  GROUP BY msg.id, msg.status)
				SELECT count(*) AS total,
				       count(*) FILTER (WHERE status IN ('queued', 'sending')) AS pending,
				       count(*) FILTER (WHERE was_sent) AS sent,
				       count(*) FILTER (WHERE was_sent AND NOT was_bounced) AS delivered,
				       count(*) FILTER (WHERE was_opened) AS opened,
				       count(*) FILTER (WHERE was_clicked) AS clicked,
				       count(*) FILTER (WHERE was_bounced) AS bounced,
				       count(*) FILTER (WHERE status = 'failed') AS failed,
				       count(*) FILTER (WHERE status = 'suppressed') AS suppressed
				FROM m""")
			.param("p", programId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("channel", channel).param("category", category)
			.query((rs, n) -> {
				long sent = rs.getLong("sent");
				long delivered = rs.getLong("delivered");
				return new Report(from, to, channel, category, rs.getLong("total"), rs.getLong("pending"), sent,
						delivered, rs.getLong("opened"), rs.getLong("clicked"), rs.getLong("bounced"),
						rs.getLong("failed"), rs.getLong("suppressed"), rate(delivered, sent),
						rate(rs.getLong("opened"), delivered), rate(rs.getLong("clicked"), delivered),
						rate(rs.getLong("bounced"), sent));
			})
			.single();
	}

	private static @Nullable BigDecimal rate(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
	}
}
