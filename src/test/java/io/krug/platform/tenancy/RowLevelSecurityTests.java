package io.krug.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database itself keeps programs apart, even from a query that forgets to filter by program. */
class RowLevelSecurityTests extends ApiTest {

	@Test
	void aQueryWithoutTheProgramFilterSeesOnlyItsOwnProgram() {
		Program a = fixtures.program();
		Program b = fixtures.program();
		fixtures.member(a);
		fixtures.member(b);
		fixtures.member(b);
		// deliberately no "WHERE program_id = …"
		List<String> seenFromA = inProgram(a, () -> jdbc.sql("SELECT program_id::text FROM identity.members")
			.query(String.class)
			.list());
		assertThat(seenFromA).isNotEmpty().containsOnly(a.id().toString());
		List<String> seenFromB = inProgram(b, () -> jdbc.sql("SELECT program_id::text FROM identity.members")
			.query(String.class)
			.list());
		assertThat(seenFromB).hasSize(2).containsOnly(b.id().toString());
	}

	@Test
	void noProgramInContextMeansNoTenantRowsAtAll() {
		Program a = fixtures.program();
		fixtures.member(a);
		long outsideTransaction = jdbc.sql("SELECT count(*) FROM identity.members").query(Long.class).single();
		assertThat(outsideTransaction).isZero();
	}

	@Test
	void aRowCannotBeWrittenIntoAnotherProgram() {
		Program a = fixtures.program();
		Program b = fixtures.program();
		var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> inProgram(a, () -> jdbc.sql("""
				INSERT INTO identity.login_codes (id, program_id, phone, code_hash, expires_at, created_at)
				VALUES (gen_random_uuid(), :other, '+79990000000', 'x', now(), now())""")
			.param("other", b.id().value())
			.update()));
		assertThat(attempt).rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void everyTableWithAProgramIdHasTheTenantPolicy() {
		List<String> unprotected = jdbc.sql("""
				SELECT n.nspname || '.' || c.relname FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'program_id' AND NOT a.attisdropped
				WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
				  AND (NOT c.relrowsecurity
				       OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))""")
			.query(String.class)
			.list();
		assertThat(unprotected).isEmpty();
	}

	@Test
	void theServiceRunsAsARoleThatCannotBypassRowLevelSecurity() {
		var role = jdbc.sql("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single();
		assertThat(role).containsExactly("krug_app", false, false);
	}
}
