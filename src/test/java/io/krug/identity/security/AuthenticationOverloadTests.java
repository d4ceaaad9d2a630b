package io.krug.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.KrugPrincipal;
import io.krug.platform.web.ProblemWriter;
import io.krug.test.ApiTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A credential that is not cached needs the database to be authenticated; when the pool has no connection within
 * its timeout, the caller is told to retry (503 with Retry-After) and the request goes no further, as a controller's
 * starved request is answered ({@code OverloadTests}), not with a 500.
 */
class AuthenticationOverloadTests extends ApiTest {

	@Autowired
	ProblemWriter problems;

	@Test
	void aCredentialCheckThatFindsNoConnectionIsAnswered503WithRetryAfter() throws Exception {
		PrincipalResolver starved = new PrincipalResolver(null, null, null, null, clock) {
			@Override
			Optional<KrugPrincipal> resolve(String bearer) {
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
			}
		};
		var request = new MockHttpServletRequest("POST", "/api/v1/tokens/validate");
		request.addHeader("Authorization", "Bearer krug_sk_not_cached");
		var response = new MockHttpServletResponse();
		var chain = new MockFilterChain();

		new AuthenticationFilter(starved, programs, problems).doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("\"code\":\"service_unavailable\"");
		assertThat(chain.getRequest()).as("the request went no further").isNull();
	}
}
