package io.krug.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.krug.platform.tenancy.TenantTransactionManager;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two ways into the database: the schema owner's, used only by Flyway to migrate, and the service's pool, whose
 * connections switch to the unprivileged application role so PostgreSQL's row-level security applies to every
 * query the service makes.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	@Bean
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return DatabaseServer.start(properties);
	}

	@Bean
	@FlywayDataSource
	DataSource ownerDataSource(DatabaseServer server) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), server.url(), server.user(), server.password());
	}

	/**
	 * The service's pool, wrapped to count every SQL statement it executes ({@code krug_db_statements_total}): the
	 * benchmark reads it to report statements per purchase, operators to spot query storms.
	 */
	@Bean
	@Primary
	DataSource dataSource(HikariDataSource pool, MeterRegistry meters) {
		Counter statements = Counter.builder("krug.db.statements")
			.description("SQL statements executed by the service's connection pool")
			.register(meters);
		return ProxyDataSourceBuilder.create("krug", pool)
			.afterQuery((execution, queries) -> statements.increment(queries.size()))
			.build();
	}

	@Bean
	HikariDataSource pool(DatabaseServer server, DatabaseProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("krug");
		config.setJdbcUrl(server.url());
		config.setUsername(server.user());
		config.setPassword(server.password());
		config.setMaximumPoolSize(properties.poolSize());
		// Fail fast under overload (answered 503 + Retry-After) instead of holding requests for Hikari's 30 s default.
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		config.setConnectionInitSql("SET ROLE " + quoteIdent(properties.appRole()));
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "krug");
		// Created without starting the pool: the application role exists only once Flyway has run.
		HikariDataSource dataSource = new HikariDataSource();
		config.copyStateTo(dataSource);
		return dataSource;
	}

	@Bean
	@Primary
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

	private static String quoteIdent(String role) {
		if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("krug.database.app-role must be a plain lower-case identifier");
		}
		return role;
	}
}
