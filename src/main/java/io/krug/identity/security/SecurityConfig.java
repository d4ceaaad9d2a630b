package io.krug.identity.security;

import io.krug.platform.tenancy.Programs;
import io.krug.platform.web.PlatformError;
import io.krug.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer authentication for the API. Public: member sign-in, staff login, the partner catalog and inbound
 * integration webhooks; everything else under {@code /api} needs credentials, and method-level
 * {@code @PreAuthorize} rules decide what each caller may do. Spring Security's own observations are off: they
 * wrapped each of the chain's filters and each authorization in an observation with its own timer (about a dozen per
 * request, a third of what a token validation allocated, see ADR 0015); {@code http_server_requests} still
 * times every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	/**
	 * No observations of Spring Security's own filters, authentications and authorizations: each of the chain's
	 * filters was wrapped in one, several per request, a few percent of a purchase's CPU (JFR under bench/run.sh)
	 * and a third of a token validation's allocation. Requests stay observed as a whole
	 * ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, PrincipalResolver resolver, Programs programs, ProblemWriter problems)
			throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/staff/login")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/businesses", "/api/v1/businesses/*")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/integrations/*/webhook")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(response,
						PlatformError.UNAUTHENTICATED, "This endpoint needs an Authorization: Bearer token."))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, PlatformError.FORBIDDEN,
						"You do not have the permission this action needs.")))
			.addFilterBefore(new AuthenticationFilter(resolver, programs, problems),
					AnonymousAuthenticationFilter.class);
		return http.build();
	}
}
