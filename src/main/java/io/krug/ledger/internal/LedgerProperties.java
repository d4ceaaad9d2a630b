package io.krug.ledger.internal;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's settings ({@code krug.ledger.*}).
 *
 * @param expiringSoonWindow how far ahead a balance lists expiring points
 * @param adjustmentExpiry how long a positive manual adjustment's points last, in the program's calendar
 * @param jobBatchSize how many members a release or expiry batch takes at once (one database transaction each)
 * @param jobInterval how often the release and expiry jobs run
 */
@ConfigurationProperties("krug.ledger")
record LedgerProperties(@DefaultValue("30d") Duration expiringSoonWindow, @DefaultValue("P12M") Period adjustmentExpiry,
		@DefaultValue("200") int jobBatchSize, @DefaultValue("1h") Duration jobInterval) {
}
