package io.krug.events.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's recurring jobs on db-scheduler (one execution across replicas):
 * <ul>
 * <li>{@value #DECISIONS}: every hour ({@code krug.events.decisions-interval}); for each program whose month has
 * turned in its own time zone, decides the previous month's proposals. Hourly, because programs' months turn at
 * different instants; a month already decided has nothing left to decide.</li>
 * <li>{@value #WAITLISTS}: every 10 minutes ({@code krug.events.waitlist-interval}); closes the waitlists of events
 * that started, refunding those still waiting.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EventsJobs {

	static final String DECISIONS = "events-proposal-decisions";

	static final String WAITLISTS = "events-waitlist-closing";

	private static final Logger log = LoggerFactory.getLogger(EventsJobs.class);

	@Bean
	RecurringTask<Void> eventsProposalDecisionsTask(Programs programs, ProposalDecisions decisions,
			@Value("${krug.events.decisions-interval:1h}") Duration interval) {
		return Tasks.recurring(DECISIONS, Schedules.fixedDelay(interval))
			.execute((instance, context) -> everyProgram(programs, program -> decisions.decideDue()
				.forEach(d -> log.info("Proposals of {} in program {}: approved {}, rejected {}", d.month(),
						program.slug(), d.approved().size(), d.rejected().size()))));
	}

	@Bean
	RecurringTask<Void> eventsWaitlistClosingTask(Programs programs, WaitlistClosing closing,
			@Value("${krug.events.waitlist-interval:10m}") Duration interval) {
		return Tasks.recurring(WAITLISTS, Schedules.fixedDelay(interval))
			.execute((instance, context) -> everyProgram(programs, program -> closing.closeStarted()));
	}

	/** Runs the work per program; a program that fails is logged and the others still run, then it is rethrown. */
	static void everyProgram(Programs programs, Consumer<Program> work) {
		RuntimeException failure = null;
		for (Program program : programs.all()) {
			try {
				TenantContext.run(program.id(), () -> work.accept(program));
			}
			catch (RuntimeException ex) {
				log.error("Events job failed for program {}", program.slug(), ex);
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
