package io.krug.identity.security;

import io.krug.identity.IdentityError;
import io.krug.identity.KrugPrincipal;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import io.krug.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} credentials (JWT access tokens and {@code krug_sk_} API keys) and binds
 * the request to one program: the credentials' program, or for anonymous API calls the {@code X-Krug-Program}
 * header's (the default program when absent). A header naming another program than the credentials' is refused.
 * When authenticating needs the database (a credential not cached) and no connection is free, the answer is 503 with
 * {@code Retry-After}, as for any request that finds the pool exhausted.
 */
class AuthenticationFilter extends OncePerRequestFilter {

	static final String PROGRAM_HEADER = "X-Krug-Program";

	private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);

	private final PrincipalResolver resolver;

	private final Programs programs;

	private final ProblemWriter problems;

	AuthenticationFilter(PrincipalResolver resolver, Programs programs, ProblemWriter problems) {
		this.resolver = resolver;
		this.programs = programs;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			if (bind(request, response)) {
				TenantContext.current().ifPresent(p -> MDC.put("program_id", p.toString()));
				chain.doFilter(request, response);
			}
		}
		finally {
			TenantContext.clear();
			MDC.remove("program_id");
		}
	}

	/** Authenticates and binds the program; false when the response has already been answered with a problem. */
	private boolean bind(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String authorization = request.getHeader("Authorization");
		String programHeader = request.getHeader(PROGRAM_HEADER);
		try {
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				Optional<KrugPrincipal> principal = resolver.resolve(authorization.substring(7).trim());
				if (principal.isEmpty()) {
					problems.write(response, IdentityError.INVALID_TOKEN,
							"The bearer token is invalid, expired or revoked.");
					return false;
				}
				KrugPrincipal caller = principal.get();
				if (programHeader != null && !programHeader.isBlank()) {
					Optional<Program> named = programs.findBySlug(programHeader.trim());
					if (named.isEmpty() || !named.get().id().equals(caller.programId())) {
						problems.write(response, PlatformError.PROGRAM_MISMATCH,
								"The credentials belong to another program than X-Krug-Program names.");
						return false;
					}
				}
				var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null,
						caller.authorities().stream().map(SimpleGrantedAuthority::new).toList());
				SecurityContextHolder.getContext().setAuthentication(authentication);
				TenantContext.bind(caller.programId());
			}
			else if (request.getRequestURI().startsWith("/api/")) {
				TenantContext.bind(programs.resolve(programHeader).id());
			}
			return true;
		}
		catch (KrugException ex) {
			problems.write(response, io.krug.platform.web.Problems.of(ex.error(), ex.getMessage()), null);
			return false;
		}
		catch (CannotGetJdbcConnectionException | CannotCreateTransactionException ex) {
			// a credential not in its cache needs the database; none free within the pool's timeout is overload,
			// answered as the controllers answer it (ProblemHandler), not as an unexpected 500
			log.warn("No database connection to authenticate the request: {}", ex.getMessage());
			problems.write(response, io.krug.platform.web.Problems.of(PlatformError.SERVICE_UNAVAILABLE,
					"The service is busy; retry in a moment."), Duration.ofSeconds(1));
			return false;
		}
	}
}
