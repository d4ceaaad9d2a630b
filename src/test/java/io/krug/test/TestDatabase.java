package io.krug.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL the tests run against: one real embedded server per test JVM (zonky), or, when
 * {@code KRUG_TEST_DATABASE_URL} names a server, a fresh database created on it for this run.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static Coordinates coordinates;

	public record Coordinates(String url, String user, String password) {
	}

	public static synchronized Coordinates coordinates() {
		if (coordinates == null) {
			coordinates = start();
		}
		return coordinates;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Coordinates db = coordinates();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("krug-test-database", Map.of("krug.database.url", db.url(),
					"krug.database.user", db.user(), "krug.database.password", db.password())));
	}

	private static Coordinates start() {
		String external = System.getenv("KRUG_TEST_DATABASE_URL");
		try {
			if (external != null && !external.isBlank()) {
				String user = envOr("KRUG_TEST_DATABASE_USER", "postgres");
				String password = envOr("KRUG_TEST_DATABASE_PASSWORD", "");
				String name = "krug_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
				try (Connection c = DriverManager.getConnection(external, user, password)) {
					c.createStatement().execute("CREATE DATABASE " + name);
				}
				Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(external, user, password, name)));
				return new Coordinates(replaceDatabase(external, name), user, password);
			}
			Path dir = Files.createTempDirectory("krug-test-pg");
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(true)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					pg.close();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			}));
			return new Coordinates(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the test database", ex);
		}
	}

	private static void drop(String url, String user, String password, String name) {
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ignored) {
			// best effort on shutdown
		}
	}

	private static String replaceDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
