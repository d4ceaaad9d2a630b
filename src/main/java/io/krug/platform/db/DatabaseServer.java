package io.krug.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The PostgreSQL server Krug talks to: an external one named in the configuration, or a real embedded one whose
 * files live under the data directory, so a restart keeps everything. The embedded server is stopped cleanly on
 * shutdown.
 */
public final class DatabaseServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

	static final String DATABASE = "krug";

	private final @Nullable EmbeddedPostgres embedded;

	private final String url;

	private final String user;

	private final String password;

	private DatabaseServer(@Nullable EmbeddedPostgres embedded, String url, String user, String password) {
		this.embedded = embedded;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static DatabaseServer start(DatabaseProperties properties) {
		if (!properties.embedded()) {
			log.info("Using external PostgreSQL at {} as user {}", redact(properties.url()), properties.user());
			return new DatabaseServer(null, properties.url(), properties.user(), properties.password());
		}
		Path dir = properties.dataDir().toAbsolutePath().normalize().resolve("postgres");
		try {
			Files.createDirectories(dir);
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(properties.embeddedPort())
				.setServerConfig("max_connections", "200")
				.start();
			try (Connection c = pg.getPostgresDatabase().getConnection()) {
				boolean exists = c.createStatement()
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")
					.next();
				if (!exists) {
					c.createStatement().execute("CREATE DATABASE " + DATABASE);
				}
			}
			String url = pg.getJdbcUrl("postgres", DATABASE);
			log.info("Started embedded PostgreSQL on port {} with its data in {}", pg.getPort(), dir);
			return new DatabaseServer(pg, url, "postgres", "");
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	public String url() {
		return url;
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	public boolean isEmbedded() {
		return embedded != null;
	}

	@Override
	public void destroy() throws IOException {
		if (embedded != null) {
			log.info("Stopping embedded PostgreSQL");
			embedded.close();
		}
	}

	private static String redact(@Nullable String url) {
		return url == null ? "" : url.replaceAll("password=[^&]*", "password=***");
	}
}
