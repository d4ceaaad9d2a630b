package io.krug.platform.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes a bucket's {@code expires_at} (epoch milliseconds) on the application clock. Bucket4j's own expiry column
 * adds the time-to-live to {@code System.currentTimeMillis()}, which would disagree with the clock the buckets
 * refill by (and that tests move); this one adds it to the time Bucket4j was given for the operation.
 */
final class ClockExpiresAtColumn implements CustomColumnProvider<String> {

	private final String column;

	private final ExpirationAfterWriteStrategy expiration;

	ClockExpiresAtColumn(String column, ExpirationAfterWriteStrategy expiration) {
		this.column = column;
		this.expiration = expiration;
	}

	@Override
	public void setCustomField(String key, int index, PreparedStatement statement, RemoteBucketState state,
			long currentTimeNanos) throws SQLException {
		long ttlMillis = expiration.calculateTimeToLiveMillis(state, currentTimeNanos);
		statement.setLong(index, ttlMillis < 0 ? Long.MAX_VALUE : currentTimeNanos / 1_000_000 + ttlMillis);
	}

	@Override
	public String getCustomFieldName() {
		return column;
	}
}
