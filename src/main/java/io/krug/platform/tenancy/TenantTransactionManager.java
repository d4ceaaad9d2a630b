package io.krug.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which program it is for ({@code set_config(…, is_local => true)}),
 * so the row-level security policies see it and it vanishes at commit: a pooled connection never carries one
 * request's program into the next.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

	public TenantTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		String program = TenantContext.setting();
		if (program != null) {
			try (PreparedStatement ps = con.prepareStatement("SELECT set_config('krug.program_id', ?, true)")) {
				ps.setString(1, program);
				ps.execute();
			}
		}
	}
}
