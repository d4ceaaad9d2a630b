package io.krug.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Production's setup against a real PostgreSQL server (not the embedded one): the schemas are owned and migrated
 * by an ordinary user that is NOT a superuser, and the service's role is still held by row-level security.
 * Needs a server: runs when {@code KRUG_SERVER_TESTS=true} ({@code .ci/run} sets it when PostgreSQL answers on
 * 127.0.0.1:5432); {@code KRUG_SERVER_URL} overrides the admin connection.
 */
@EnabledIfEnvironmentVariable(named = "KRUG_SERVER_TESTS", matches = "true")
class ExternalServerTests {

	static final String ADMIN_URL = System.getenv().getOrDefault("KRUG_SERVER_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

	static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	static final String DATABASE = "krug_srv_" + SUFFIX;

	static final String OWNER = "krug_owner_" + SUFFIX;

	static final String APP_ROLE = "krug_app_" + SUFFIX;

	static String ownerUrl;

	@BeforeAll
	static void createDatabaseAndOwner() throws SQLException {
		try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement s = admin.createStatement()) {
			s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner-pw' CREATEROLE NOSUPERUSER");
			s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
		}
		ownerUrl = ADMIN_URL.replaceAll("/[^/?]+(\\?.*)?$", "/" + DATABASE);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement s = admin.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			s.execute("DROP ROLE IF EXISTS " + APP_ROLE);
			s.execute("DROP ROLE IF EXISTS " + OWNER);
		}
	}

	@Test
	void anOrdinaryOwnerMigratesAndTheAppRoleIsHeldByRowLevelSecurity() throws SQLException {
		Flyway.configure()
			.dataSource(ownerUrl, OWNER, "owner-pw")
			.locations("classpath:db/migration")
			.placeholders(Map.of("app_role", APP_ROLE))
			.load()
			.migrate();
		try (Connection c = DriverManager.getConnection(ownerUrl, OWNER, "owner-pw"); Statement s = c.createStatement()) {
			assertThat(single(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
			s.execute("SET ROLE " + APP_ROLE);
			UUID a = UUID.randomUUID();
			UUID b = UUID.randomUUID();
			s.execute("BEGIN");
			s.execute("SELECT set_config('krug.program_id', '" + a + "', true)");
			s.execute("INSERT INTO identity.login_codes (id, program_id, phone, code_hash, expires_at, created_at) "
					+ "VALUES (gen_random_uuid(), '" + a + "', '+79990000001', 'x', now(), now())");
			Throwable crossWrite = catchThrowable(() -> s.execute(
					"INSERT INTO identity.login_codes (id, program_id, phone, code_hash, expires_at, created_at) "
							+ "VALUES (gen_random_uuid(), '" + b + "', '+79990000002', 'x', now(), now())"));
			assertThat(crossWrite).hasMessageContaining("row-level security");
			s.execute("ROLLBACK");
			s.execute("BEGIN");
			s.execute("SELECT set_config('krug.program_id', '" + a + "', true)");
			s.execute("INSERT INTO identity.login_codes (id, program_id, phone, code_hash, expires_at, created_at) "
					+ "VALUES (gen_random_uuid(), '" + a + "', '+79990000001', 'x', now(), now())");
			s.execute("COMMIT");
			s.execute("BEGIN");
			s.execute("SELECT set_config('krug.program_id', '" + b + "', true)");
			assertThat(single(s, "SELECT count(*) FROM identity.login_codes")).isEqualTo("0");
			s.execute("COMMIT");
			Throwable ddl = catchThrowable(() -> s.execute("DROP TABLE identity.login_codes"));
			assertThat(ddl).as("the app role cannot change the schema").isInstanceOf(SQLException.class);
		}
	}

	private static String single(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
