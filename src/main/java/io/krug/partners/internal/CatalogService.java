package io.krug.partners.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members' catalog of the current program's partners: active businesses only, with their running promotions. */
@Service
public class CatalogService {

	private final BusinessRepository businesses;

	private final PromotionRepository promotions;

	private final Programs programs;

	private final Clock clock;

	CatalogService(BusinessRepository businesses, PromotionRepository promotions, Programs programs, Clock clock) {
		this.businesses = businesses;
		this.promotions = promotions;
		this.programs = programs;
		this.clock = clock;
	}

	/** A business as the catalog shows it, with the promotions running now (highest multiplier first). */
	public record Entry(Business business, List<Promotion> promotions) {
	}

	/** Active businesses, optionally of one category, by name. */
	@Transactional(readOnly = true)
	public Page<Entry> list(@Nullable String categoryKey, int limit, int offset) {
		ProgramId program = TenantContext.require();
		Page<Business> page = businesses.list(program, new BusinessFilter(categoryKey, true, null, limit, offset));
		Map<UUID, List<Promotion>> running = running(program, page.items().stream().map(Business::id).toList());
		return new Page<>(page.items()
			.stream()
			.map(b -> new Entry(b, running.getOrDefault(b.id(), List.of())))
			.toList(), page.total());
	}

	/** An active business; an inactive or unknown one is not found. */
	@Transactional(readOnly = true)
	public Entry get(UUID id) {
		ProgramId program = TenantContext.require();
		Business business = businesses.find(program, id)
			.filter(Business::active)
			.orElseThrow(() -> BusinessService.notFound(id));
		return new Entry(business, running(program, List.of(id)).getOrDefault(id, List.of()));
	}

	/** The currency the catalog's prices are in. */
	@Transactional(readOnly = true)
	public Currency currency() {
		return programs.get(TenantContext.require()).currency();
	}

	private Map<UUID, List<Promotion>> running(ProgramId program, List<UUID> ids) {
		Instant now = clock.instant();
		return promotions.runningAt(program, ids, now)
			.stream()
			.collect(Collectors.groupingBy(Promotion::businessId));
	}
}
