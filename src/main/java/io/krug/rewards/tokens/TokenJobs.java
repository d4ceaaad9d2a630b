package io.krug.rewards.tokens;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@value #EXPIRING}: every 10 minutes ({@code krug.rewards.token-expiry-interval}), once across replicas, publishes
 * {@code AccessTokenExpiring} for each live token of each program that expires within 24 hours, once per token.
 */
@Configuration(proxyBeanMethods = false)
class TokenJobs {

	static final String EXPIRING = "rewards-access-tokens-expiring";

	private static final Logger log = LoggerFactory.getLogger(TokenJobs.class);

	@Bean
	RecurringTask<Void> rewardsAccessTokensExpiringTask(Programs programs, TokenExpiry expiry,
			@Value("${krug.rewards.token-expiry-interval:10m}") Duration interval) {
		return Tasks.recurring(EXPIRING, Schedules.fixedDelay(interval)).execute((instance, context) -> {
			RuntimeException failure = null;
			for (Program program : programs.all()) {
				try {
					TenantContext.run(program.id(), expiry::notifyDue);
				}
				catch (RuntimeException ex) {
					log.error("Expiring-token notices failed for program {}", program.slug(), ex);
					failure = ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
		});
	}
}
