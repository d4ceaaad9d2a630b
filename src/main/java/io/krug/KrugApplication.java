package io.krug;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Krug: one service that runs loyalty, referral and monetization programs.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Modulithic(systemName = "Krug", sharedModules = "platform")
public class KrugApplication {

	public static void main(String[] args) {
		SpringApplication.run(KrugApplication.class, args);
	}
}
