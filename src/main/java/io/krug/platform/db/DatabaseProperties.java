package io.krug.platform.db;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Krug keeps its data ({@code krug.database.*}, or {@code KRUG_DATABASE_URL}, {@code KRUG_DATABASE_USER},
 * {@code KRUG_DATABASE_PASSWORD}). With no URL, an embedded PostgreSQL is started with its files in
 * {@code data-dir}.
 *
 * @param url JDBC URL of an external PostgreSQL; empty to run the embedded one
 * @param user owner of Krug's schemas: runs the migrations
 * @param password the owner's password
 * @param dataDir where the embedded PostgreSQL keeps its files
 * @param embeddedPort the embedded server's port; 0 picks a free one
 * @param appRole the role the service's own connections switch to; row-level security applies to it
 * @param poolSize the size of the connection pool
 * @param connectionTimeout how long a request waits for a pooled connection before it is answered 503
 */
@ConfigurationProperties("krug.database")
public record DatabaseProperties(@Nullable String url, @DefaultValue("postgres") String user,
		@DefaultValue("") String password, @DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPort,
		@DefaultValue("krug_app") String appRole, @DefaultValue("16") int poolSize,
		@DefaultValue("5s") java.time.Duration connectionTimeout) {

	public boolean embedded() {
		return url == null || url.isBlank();
	}
}
