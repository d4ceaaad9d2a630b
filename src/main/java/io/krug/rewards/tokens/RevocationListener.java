package io.krug.rewards.tokens;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every replica's token cache honest: {@code LISTEN}s on {@value TokenStore#CHANNEL} over a dedicated
 * connection (not one of the pool's) and evicts each revoked token as its notice arrives, at the revoking
 * transaction's commit. When the connection breaks, notices may have been lost, so the whole cache is dropped before
 * listening again.
 */
@Component
class RevocationListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

	private static final int POLL_MILLIS = 250;

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final HikariDataSource pool;

	private final TokenValidator validator;

	private volatile boolean running;

	private @Nullable Thread thread;

	RevocationListener(HikariDataSource pool, TokenValidator validator) {
		this.pool = pool;
		this.validator = validator;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().daemon().name("token-revocations").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		Thread listening = thread;
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(Duration.ofSeconds(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		while (running) {
			try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
					pool.getPassword())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + TokenStore.CHANNEL);
				}
				validator.evictAll();
				PGConnection notices = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] arrived = notices.getNotifications(POLL_MILLIS);
					if (arrived != null) {
						for (PGNotification notice : arrived) {
							validator.evict(notice.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (running) {
					log.warn("Token revocation listener lost its connection; dropping the token cache and retrying",
							ex);
					validator.evictAll();
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
