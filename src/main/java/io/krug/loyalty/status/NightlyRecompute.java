package io.krug.loyalty.status;

import org.springframework.modulith.NamedInterface;

import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly recomputation, program by program: first the top-spender cutoff ({@link TopSpenders}), then every
 * member above insider or with a purchase in the last 12 months and a day, in batches of
 * {@code krug.loyalty.status.nightly-batch-size} members per transaction. Statuses fall here when purchases leave
 * the window. Running it twice changes nothing the second time.
 */
@Component
@NamedInterface("status-jobs")
public class NightlyRecompute {

	private static final Logger log = LoggerFactory.getLogger(NightlyRecompute.class);

	private final Programs programs;

	private final TopSpenders topSpenders;

	private final StatusRepository statuses;

	private final MemberStatuses memberStatuses;

	private final LoyaltyRulesService rules;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int batchSize;

	NightlyRecompute(Programs programs, TopSpenders topSpenders, StatusRepository statuses,
			MemberStatuses memberStatuses, LoyaltyRulesService rules, TransactionTemplate tx, Clock clock,
			@Value("${krug.loyalty.status.nightly-batch-size:500}") int batchSize) {
		this.programs = programs;
		this.topSpenders = topSpenders;
		this.statuses = statuses;
		this.memberStatuses = memberStatuses;
		this.rules = rules;
		this.tx = tx;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/** What one program's run did. */
	public record Outcome(int rankedMembers, @Nullable BigDecimal eliteMinSpend, int recomputed, int changed) {
	}

	/** Every program; a program that fails is logged and the others still run, then the failure is rethrown. */
	void runAll() {
		RuntimeException failure = null;
		for (Program program : programs.all()) {
			try {
				Outcome outcome = run(program);
				log.info("Nightly statuses of program {}: {}", program.slug(), outcome);
			}
			catch (RuntimeException ex) {
				log.error("Nightly statuses of program {} failed", program.slug(), ex);
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** One program, on its behalf ({@link TenantContext}). */
	public Outcome run(Program program) {
		return TenantContext.call(program.id(), () -> recompute(program));
	}

	private Outcome recompute(Program program) {
		Instant now = clock.instant();
		RollingWindow window = RollingWindow.endingAt(now, program.timeZone());
		TopSpenders.Cutoff cutoff = tx.execute(s -> topSpenders.rank(program.id(), window,
				rules.current().tiers().eliteTopPercent(), now));
		List<UUID> members = tx.execute(s -> statuses.candidates(program.id(), window.previousStart(program.timeZone())));
		int changed = 0;
		for (int from = 0; from < members.size(); from += batchSize) {
			List<UUID> batch = members.subList(from, Math.min(members.size(), from + batchSize));
			changed += tx.execute(s -> (int) batch.stream()
				.filter(m -> memberStatuses.recompute(m, StatusReason.NIGHTLY).changed())
				.count());
		}
		return new Outcome(cutoff.rankedMembers(), cutoff.eliteMinSpend(), members.size(), changed);
	}
}
