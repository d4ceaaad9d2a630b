package io.krug.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL keeps its data in the data directory across a stop and a start. */
class DatabaseServerTests {

	@Test
	void keepsDataAcrossARestartAndStopsCleanly() throws Exception {
		Path dir = Files.createTempDirectory("krug-embedded");
		var properties = new DatabaseProperties(null, "postgres", "", dir, 0, "krug_app", 4,
				java.time.Duration.ofSeconds(5));

		DatabaseServer first = DatabaseServer.start(properties);
		assertThat(first.isEmbedded()).isTrue();
		try (Connection c = DriverManager.getConnection(first.url(), first.user(), first.password())) {
			c.createStatement().execute("CREATE TABLE kept (note text)");
			c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
		}
		first.destroy();
		assertThat(dir.resolve("postgres").resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();

		DatabaseServer second = DatabaseServer.start(properties);
		try (Connection c = DriverManager.getConnection(second.url(), second.user(), second.password());
				ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("still here");
		}
		finally {
			second.destroy();
		}
	}
}
