package io.krug.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTests {

	@Test
	void configuredValuesOverrideDefaultsAndAddNewLimits() {
		RateLimitProperties properties = bind(Map.of("krug.rate-limits.login-code-ip.capacity", "100",
				"krug.rate-limits.coupon-redeem.capacity", "3", "krug.rate-limits.coupon-redeem.period", "10m"));

		assertThat(properties.resolve("login-code-ip"))
			.isEqualTo(new RateLimit("login-code-ip", 100, Duration.ofHours(1)));
		assertThat(properties.resolve("coupon-redeem"))
			.isEqualTo(new RateLimit("coupon-redeem", 3, Duration.ofMinutes(10)));
		assertThat(properties.resolve("login-code-phone-minute"))
			.isEqualTo(new RateLimit("login-code-phone-minute", 1, Duration.ofMinutes(1)));
	}

	private static RateLimitProperties bind(Map<String, String> values) {
		RateLimitProperties properties = new RateLimitProperties();
		new Binder(new MapConfigurationPropertySource(values)).bind("krug.rate-limits",
				Bindable.ofInstance(properties));
		return properties;
	}
}
