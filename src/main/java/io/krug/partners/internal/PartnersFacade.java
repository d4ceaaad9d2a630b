package io.krug.partners.internal;

import io.krug.partners.BusinessSummary;
import io.krug.partners.Category;
import io.krug.partners.PartnersApi;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PartnersApi} for other modules; everything is confined to the current program. */
@Service
class PartnersFacade implements PartnersApi {

	private final BusinessRepository businesses;

	private final CategoryRepository categories;

	private final PromotionRepository promotions;

	private final BusinessService businessService;

	PartnersFacade(BusinessRepository businesses, CategoryRepository categories, PromotionRepository promotions,
			@org.springframework.context.annotation.Lazy BusinessService businessService) {
		this.businessService = businessService;
		this.businesses = businesses;
		this.categories = categories;
		this.promotions = promotions;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BusinessSummary> findBusiness(UUID id) {
		return businesses.find(TenantContext.require(), id).map(Business::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Category> findCategory(String key) {
		return categories.find(TenantContext.require(), key);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Category> categories() {
		return categories.all(TenantContext.require());
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal promotionMultiplier(UUID businessId, Instant at) {
		return promotions.highestMultiplier(TenantContext.require(), businessId, at);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Instant, BigDecimal> promotionMultipliers(UUID businessId, Collection<Instant> at) {
		List<Promotion> active = promotions.activeOf(TenantContext.require(), businessId);
		Map<Instant, BigDecimal> multipliers = new HashMap<>();
		for (Instant instant : at) {
			multipliers.computeIfAbsent(instant, i -> active.stream()
				.filter(p -> !p.validFrom().isAfter(i) && (p.validUntil() == null || p.validUntil().isAfter(i)))
				.map(Promotion::bonusMultiplier)
				.max(BigDecimal::compareTo)
				.orElse(BigDecimal.ONE));
		}
		return multipliers;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, String> businessNames(Collection<UUID> ids) {
		return businesses.names(TenantContext.require(), ids);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isMedical(String categoryKey) {
		return categories.find(TenantContext.require(), categoryKey).map(Category::medical).orElse(false);
	}

	@Override
	public UUID enrolBusiness(String name, String categoryKey, @Nullable String description, @Nullable String address,
			java.time.@Nullable LocalDate joinedAt) {
		return businessService
			.create(new NewBusiness(name, categoryKey, description, address, null, null, null, null, null, joinedAt))
			.id();
	}

	@Override
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public long countBusinesses() {
		return businesses.list(io.krug.platform.tenancy.TenantContext.require(), new BusinessFilter(null, null, null, 1, 0))
			.total();
	}
}
