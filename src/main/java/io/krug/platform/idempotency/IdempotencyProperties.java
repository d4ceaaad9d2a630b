package io.krug.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency-Key settings ({@code krug.idempotency.*}).
 *
 * @param ttl how long a completed response is kept and replayed
 * @param lease how long a request may hold its key in progress before a retry may take it over (a crashed
 * replica's request); requests running longer than this risk a second execution
 */
@ConfigurationProperties("krug.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("60s") Duration lease) {
}
