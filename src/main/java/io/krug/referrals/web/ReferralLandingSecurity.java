package io.krug.referrals.web;

import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The referral link's landing lookup ({@code GET /api/v1/referrals/{code}}, a code being 6–12 upper-case letters and
 * digits) is public: whoever follows a link has no account yet. A filter chain of its own, ahead of the API's; the
 * leaderboard next to it stays behind authentication.
 */
@Configuration(proxyBeanMethods = false)
class ReferralLandingSecurity {

	static final Pattern LANDING = Pattern.compile("/api/v1/referrals/[A-Z0-9]{6,12}");

	@Bean
	@Order(1)
	SecurityFilterChain referralLandingChain(HttpSecurity http) throws Exception {
		return http
			.securityMatcher(request -> "GET".equals(request.getMethod())
					&& LANDING.matcher(request.getRequestURI()).matches())
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.build();
	}
}
