package io.krug.loyalty.badges;

import io.krug.loyalty.BadgeAwarded;
import io.krug.loyalty.badges.BadgeCatalog.Look;
import io.krug.loyalty.badges.BadgeCatalog.Special;
import io.krug.partners.Category;
import io.krug.partners.PartnersApi;
import io.krug.platform.Money;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards badges, each at most once per member (the table's key decides races), publishing {@link BadgeAwarded} for
 * every badge a call actually awarded. For the loyalty module; other modules use {@link MemberBadges}.
 */
@Service
public class BadgeService {

	private final BadgeRepository badges;

	private final PartnersApi partners;

	private final ApplicationEventPublisher events;

	BadgeService(BadgeRepository badges, PartnersApi partners, ApplicationEventPublisher events) {
		this.badges = badges;
		this.partners = partners;
		this.events = events;
	}

	/**
	 * Awards what a member's purchases earned: a badge per category visited, {@code collector} once every category
	 * of the program was visited, {@code investor} at 250,000 of all-time net spend. Returns the badges awarded now.
	 */
	@Transactional
	public List<String> awardForPurchases(UUID memberId, BigDecimal spentEver, Set<String> categoriesEver,
			Set<String> programCategories, Instant at) {
		Set<String> due = new LinkedHashSet<>();
		categoriesEver.stream().sorted().map(BadgeCatalog::categoryKey).forEach(due::add);
		if (!programCategories.isEmpty() && categoriesEver.containsAll(programCategories)) {
			due.add(Special.COLLECTOR.key);
		}
		if (spentEver.compareTo(Special.INVESTOR.threshold) >= 0) {
			due.add(Special.INVESTOR.key);
		}
		if (due.isEmpty()) {
			return List.of();
		}
		ProgramId program = TenantContext.require();
		due.removeAll(badges.keys(program, memberId));
		return due.stream().filter(badge -> award(program, memberId, badge, at)).toList();
	}

	/**
	 * Awards what one purchase made due, as {@link #awardForPurchases} would, without a statement when it made none:
	 * only a category visited for the first time (and with it, perhaps, {@code collector}) or all-time net spend
	 * crossing {@code investor}'s threshold can. Relies on the badges due before the purchase having been awarded, as
	 * every recomputation awards them. Reads {@code programCategories} only for a first visit.
	 */
	@Transactional
	public List<String> awardForPurchase(UUID memberId, BigDecimal spentBefore, Set<String> categoriesBefore,
			BigDecimal spentEver, Set<String> categoriesEver, Supplier<Set<String>> programCategories, Instant at) {
		BigDecimal investor = Objects.requireNonNull(Special.INVESTOR.threshold);
		boolean firstVisit = !categoriesBefore.containsAll(categoriesEver);
		boolean crossed = spentBefore.compareTo(investor) < 0 && spentEver.compareTo(investor) >= 0;
		if (!firstVisit && !crossed) {
			return List.of();
		}
		return awardForPurchases(memberId, spentEver, categoriesEver, firstVisit ? programCategories.get() : Set.of(),
				at);
	}

	/** The {@code first_registration} badge of a member who registered themselves; idempotent. */
	@Transactional
	public boolean awardFirstRegistration(UUID memberId, Instant at) {
		return award(TenantContext.require(), memberId, Special.FIRST_REGISTRATION.key, at);
	}

	@Transactional
	boolean awardCounted(UUID memberId, Special badge, long count, Instant at) {
		if (badge != Special.FRIEND_OF_THE_CLUB && badge != Special.PARTY_GOER || badge.threshold == null) {
			throw new IllegalArgumentException(badge.key + " is not awarded from another module's count");
		}
		return count >= badge.threshold.longValueExact() && award(TenantContext.require(), memberId, badge.key, at);
	}

	@Transactional(readOnly = true)
	BadgeList list(UUID memberId) {
		ProgramId program = TenantContext.require();
		Map<String, Category> categories = partners.categories()
			.stream()
			.collect(Collectors.toMap(Category::key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
		List<BadgeRepository.Earned> earned = badges.earned(program, memberId);
		Set<String> held = earned.stream().map(BadgeRepository.Earned::badge).collect(Collectors.toSet());
		List<BadgeList.EarnedBadge> shown = earned.stream().map(e -> {
			Look look = BadgeCatalog.look(e.badge(), categories);
			return new BadgeList.EarnedBadge(e.badge(), look.emoji(), look.name(), e.awardedAt());
		}).toList();
		return new BadgeList(shown, available(held, categories, badges.facts(program, memberId)));
	}

	private List<BadgeList.AvailableBadge> available(Set<String> held, Map<String, Category> categories,
			BadgeRepository.Facts facts) {
		List<BadgeList.AvailableBadge> available = new ArrayList<>();
		categories.values()
			.stream()
			.filter(c -> !held.contains(BadgeCatalog.categoryKey(c.key())))
			.forEach(c -> available.add(new BadgeList.AvailableBadge(BadgeCatalog.categoryKey(c.key()),
					BadgeCatalog.look(c).emoji(), BadgeCatalog.look(c).name(), BadgeCatalog.categoryRequirement(c),
					null)));
		for (Special special : Special.values()) {
			if (!held.contains(special.key)) {
				available.add(new BadgeList.AvailableBadge(special.key, special.look.emoji(), special.look.name(),
						requirement(special, categories.size()), progress(special, categories.keySet(), facts)));
			}
		}
		return available;
	}

	private static String requirement(Special special, int categories) {
		return special == Special.COLLECTOR ? special.requirement + " (" + categories + ")" : special.requirement;
	}

	private static BadgeList.BadgeProgress progress(Special special, Set<String> categories, BadgeRepository.Facts facts) {
		return switch (special) {
			case COLLECTOR -> new BadgeList.BadgeProgress(
					BigDecimal.valueOf(categories.stream().filter(facts.categoriesEver()::contains).count()),
					BigDecimal.valueOf(categories.size()));
			case INVESTOR -> new BadgeList.BadgeProgress(Money.round(facts.spentEver()), special.threshold);
			default -> null;
		};
	}

	private boolean award(ProgramId program, UUID memberId, String badge, Instant at) {
		Instant stored = at.truncatedTo(ChronoUnit.MICROS);
		boolean awarded = badges.award(program, memberId, badge, stored);
		if (awarded) {
			events.publishEvent(new BadgeAwarded(program, memberId, badge, stored));
		}
		return awarded;
	}
}
