package io.krug.partners;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules may ask of partners. Every call is confined to the current program. */
public interface PartnersApi {

	/** The business, active or not; empty when it does not exist in the current program. */
	Optional<BusinessSummary> findBusiness(UUID id);

	Optional<Category> findCategory(String key);

	/** The program's categories in display order. */
	List<Category> categories();

	/**
	 * The bonus multiplier of the business's promotions running at {@code at}: when several overlap, the highest
	 * wins; {@code 1} when none runs. Paused promotions ({@code active = false}) do not count.
	 */
	BigDecimal promotionMultiplier(UUID businessId, Instant at);

	/**
	 * {@link #promotionMultiplier} at each of the given instants, in one query (bulk imports).
	 */
	default Map<Instant, BigDecimal> promotionMultipliers(UUID businessId, Collection<Instant> at) {
		Map<Instant, BigDecimal> multipliers = new HashMap<>();
		for (Instant instant : at) {
			multipliers.computeIfAbsent(instant, i -> promotionMultiplier(businessId, i));
		}
		return multipliers;
	}

	/** Names of the given businesses that exist in the current program, in one query. */
	Map<UUID, String> businessNames(Collection<UUID> ids);

	/** Whether the category is medical; {@code false} for a key the program does not have. */
	boolean isMedical(String categoryKey);

	/**
	 * Enrols a business in the current program on the program's own behalf (demo data, bulk onboarding): the
	 * caller has checked its authority. Publishes {@code BusinessJoined}.
	 */
	UUID enrolBusiness(String name, String categoryKey, @Nullable String description, @Nullable String address,
			@Nullable LocalDate joinedAt);

	/** How many businesses (active or not) the current program has. */
	long countBusinesses();
}
