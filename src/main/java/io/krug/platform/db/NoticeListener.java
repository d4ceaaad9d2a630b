package io.krug.platform.db;

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

/**
 * Keeps a per-replica cache honest across replicas: {@code LISTEN}s on one PostgreSQL channel over a dedicated
 * connection (not one of the pool's) and hands each notice's payload to {@link #onNotice} as it arrives, at the
 * notifying transaction's commit. Whenever it (re)connects, notices may have been lost meanwhile, so
 * {@link #onGap} runs first: a cache drops everything it holds. Subclasses name the channel and what to evict.
 */
public abstract class NoticeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);

	private static final int POLL_MILLIS = 250;

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final HikariDataSource pool;

	private final String channel;

	private volatile boolean running;

	private @Nullable Thread thread;

	/** {@code channel} must be a plain SQL identifier (it is written into the LISTEN statement). */
	protected NoticeListener(HikariDataSource pool, String channel) {
		if (!channel.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain channel name: " + channel);
		}
		this.pool = pool;
		this.channel = channel;
	}

	/** One notice's payload. Runs on the listener's thread: keep it short. */
	protected abstract void onNotice(String payload);

	/** Notices may have been missed (first connection, or after the connection broke). */
	protected abstract void onGap();

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().daemon().name(channel.replace('_', '-')).start(this::listen);
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
					statement.execute("LISTEN " + channel);
				}
				onGap();
				PGConnection notices = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] arrived = notices.getNotifications(POLL_MILLIS);
					if (arrived != null) {
						for (PGNotification notice : arrived) {
							deliver(notice.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (running) {
					log.warn("Listener on {} lost its connection; dropping what it guards and retrying", channel, ex);
					onGap();
					pause();
				}
			}
		}
	}

	private void deliver(String payload) {
		try {
			onNotice(payload);
		}
		catch (RuntimeException ex) {
			log.error("Could not handle a notice on {} ({}); dropping what it guards", channel, payload, ex);
			onGap();
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
