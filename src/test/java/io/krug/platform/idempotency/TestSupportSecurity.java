package io.krug.platform.idempotency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Test only: Spring Security ignores the test-support endpoints ({@code /test-support/**}), so platform mechanisms
 * (idempotency, rate limits) can be driven over real HTTP independently of the service's security rules. A
 * customizer, not a filter chain: it leaves whatever chains the service defines untouched.
 */
@Configuration(proxyBeanMethods = false)
class TestSupportSecurity {

	@Bean
	WebSecurityCustomizer testSupportIsNotSecured() {
		return web -> web.ignoring().requestMatchers("/test-support/**");
	}
}
