package io.krug.test;

import io.krug.identity.internal.StaffAccounts;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Base of tests that drive the service through its HTTP API. */
@IntegrationTest
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper jsonMapper;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected Programs programs;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private StaffAccounts staffAccounts;

	@Autowired
	protected PlatformTransactionManager transactionManager;

	protected Http http;

	protected Fixtures fixtures;

	@BeforeEach
	void setUpHttp() {
		http = new Http(port, jsonMapper);
		fixtures = new Fixtures(http, programs, staffAccounts, jdbc, new TransactionTemplate(transactionManager));
		clock.reset();
	}

	/** Runs {@code work} in a transaction on behalf of {@code program}, as the service's own code does. */
	protected <T> T inProgram(Program program, Supplier<T> work) {
		return TenantContext.call(program.id(), () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
	}
}
