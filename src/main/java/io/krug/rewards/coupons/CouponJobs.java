package io.krug.rewards.coupons;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@value #EXPIRING}: daily on db-scheduler (one execution across replicas), by default at 09:00 UTC
 * ({@code krug.rewards.coupons.expiring-cron}, six fields, in {@code krug.rewards.coupons.expiring-zone}); announces
 * every program's members' coupons that end within three days. A program that fails is logged and the others still
 * run; then the failure is rethrown so db-scheduler records it.
 */
@Configuration(proxyBeanMethods = false)
class CouponJobs {

	static final String EXPIRING = "rewards-coupons-expiring";

	private static final Logger log = LoggerFactory.getLogger(CouponJobs.class);

	@Bean
	RecurringTask<Void> rewardsCouponsExpiringTask(Programs programs, ExpiringCoupons expiring,
			@Value("${krug.rewards.coupons.expiring-cron:0 0 9 * * *}") String cron,
			@Value("${krug.rewards.coupons.expiring-zone:UTC}") String zone) {
		return Tasks.recurring(EXPIRING, Schedules.cron(cron, ZoneId.of(zone)))
			.execute((instance, context) -> announce(programs, expiring));
	}

	static void announce(Programs programs, ExpiringCoupons expiring) {
		RuntimeException failure = null;
		for (Program program : programs.all()) {
			try {
				int announced = TenantContext.call(program.id(), expiring::announceAll);
				if (announced > 0) {
					log.info("Announced {} expiring coupon(s) in program {}", announced, program.slug());
				}
			}
			catch (RuntimeException ex) {
				log.error("Expiring coupons failed for program {}", program.slug(), ex);
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
