package io.krug.notifications.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one-click unsubscribe, tracking and bounce-webhook endpoints are public (mail clients and providers call them
 * with no credentials; a token, an HMAC signature of the link or of the body is the authority): a filter chain of its own, ahead of the API's.
 */
@Configuration(proxyBeanMethods = false)
class PublicEndpointsSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain notificationsPublicEndpoints(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/api/v1/notifications/unsubscribe", "/api/v1/notifications/t/**",
					"/api/v1/notifications/webhooks/**")
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.build();
	}
}
