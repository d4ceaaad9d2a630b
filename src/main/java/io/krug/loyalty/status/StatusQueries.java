package io.krug.loyalty.status;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.rules.LoyaltyRules;
import io.krug.loyalty.rules.LoyaltyRulesService;
import io.krug.partners.Category;
import io.krug.partners.PartnersApi;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What members read of their status: progress to the next one, the history of changes, profile figures. */
@Service
class StatusQueries {

	private final StatusRepository statuses;

	private final LoyaltyRulesService rules;

	private final PartnersApi partners;

	private final Programs programs;

	private final Clock clock;

	StatusQueries(StatusRepository statuses, LoyaltyRulesService rules, PartnersApi partners, Programs programs,
			Clock clock) {
		this.statuses = statuses;
		this.rules = rules;
		this.partners = partners;
		this.programs = programs;
		this.clock = clock;
	}

	/** One page of the status history, newest first. */
	record StatusHistory(List<StatusHistoryEntry> history, long total) {

		record StatusHistoryEntry(String from, String to, String reason, Instant at) {
		}
	}

	/** The figures loyalty adds to the member's profile. */
	record ProfileFigures(long totalPurchases, int categoriesVisited, BigDecimal totalSpent12m) {
	}

	@Transactional(readOnly = true)
	public StatusProgress progress(UUID memberId) {
		ProgramId program = TenantContext.require();
		RollingWindow window = window(program);
		MemberSpend spend = statuses.spend(program, memberId, window);
		MemberStatus current = statuses.find(program, memberId)
			.map(StatusRepository.Stored::status)
			.orElse(MemberStatus.INSIDER);
		LoyaltyRules rules = this.rules.current();
		MemberStatus next = StatusProgress.next(current);
		return new StatusProgress(current.key(), next == null ? null : next.key(), towards(next, spend, rules),
				Benefits.of(current, rules), window.start());
	}

	private StatusProgress.ProgressToNextStatus towards(@Nullable MemberStatus next, MemberSpend spend,
			LoyaltyRules rules) {
		BigDecimal spent = Money.round(spend.spentInWindow());
		if (next == null) {
			return new StatusProgress.ProgressToNextStatus(spent, null, spend.categoriesInWindow().size(), null, 100);
		}
		BigDecimal required;
		int visited;
		int categoriesRequired;
		if (next == MemberStatus.INNER_CIRCLE) {
			Set<String> all = partners.categories().stream().map(Category::key).collect(Collectors.toSet());
			required = rules.tiers().innerCircleMinSpend();
			visited = (int) all.stream().filter(spend.categoriesInWindow()::contains).count();
			categoriesRequired = all.size();
		}
		else {
			LoyaltyRules.Threshold t = next == MemberStatus.VIP ? rules.tiers().vip() : rules.tiers().elite();
			required = t.minSpend();
			visited = spend.categoriesInWindow().size();
			categoriesRequired = t.minCategories();
		}
		return new StatusProgress.ProgressToNextStatus(spent, required, visited, categoriesRequired,
				StatusProgress.percentage(spent, required, visited, categoriesRequired));
	}

	@Transactional(readOnly = true)
	public StatusHistory history(UUID memberId, int limit, int offset) {
		ProgramId program = TenantContext.require();
		List<StatusHistory.StatusHistoryEntry> entries = statuses.history(program, memberId, limit, offset)
			.stream()
			.map(c -> new StatusHistory.StatusHistoryEntry(c.from().key(), c.to().key(), c.reason().key(), c.at()))
			.toList();
		return new StatusHistory(entries, statuses.historyCount(program, memberId));
	}

	@Transactional(readOnly = true)
	public ProfileFigures profile(UUID memberId) {
		ProgramId program = TenantContext.require();
		MemberSpend spend = statuses.spend(program, memberId, window(program));
		return new ProfileFigures(spend.purchases(), spend.categoriesEver().size(), Money.round(spend.spentInWindow()));
	}

	private RollingWindow window(ProgramId program) {
		return RollingWindow.endingAt(clock.instant(), programs.get(program).timeZone());
	}
}
