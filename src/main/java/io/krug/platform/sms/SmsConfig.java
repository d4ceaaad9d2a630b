package io.krug.platform.sms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS provider: {@code krug.sms.provider} = {@code log} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
class SmsConfig {

	@Bean
	SmsProvider smsProvider(@Value("${krug.sms.provider:log}") String provider, HttpSmsProperties http) {
		return switch (provider.trim().toLowerCase(java.util.Locale.ROOT)) {
			case LogSmsProvider.NAME -> new LogSmsProvider();
			case HttpSmsProvider.NAME -> new HttpSmsProvider(http, HttpSmsProvider.Sleeper.THREAD);
			default -> throw new IllegalStateException(
					"krug.sms.provider must be 'log' or 'http', not '" + provider + "'");
		};
	}
}
