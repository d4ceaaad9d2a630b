package io.krug.partners.web;

import io.krug.partners.Category;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.Contacts;
import io.krug.partners.internal.OpeningHours;
import io.krug.partners.internal.Promotion;
import io.krug.partners.internal.ServiceItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the partners API. */
final class Views {

	private Views() {
	}

	/** A business's category as businesses show it. */
	record CategoryRef(@Schema(example = "beauty_salon") String key, @Schema(example = "Салон красоты") String name,
			boolean medical) {

		static CategoryRef of(Category c) {
			return new CategoryRef(c.key(), c.name(), c.medical());
		}
	}

	record Categories(List<Category> categories) {
	}

	/** A business in the admin space. */
	record BusinessView(UUID id, @Schema(example = "Салон Миндаль") String name, CategoryRef category,
			@Nullable String description, @Nullable String address,
			@Schema(example = "https://yandex.ru/maps/?text=Москва%2C%20ул.%20Пятницкая%2C%2010") @Nullable String mapsUrl,
			@Nullable OpeningHours hours, Contacts contacts, @Nullable String logoUrl, List<String> galleryUrls,
			List<ServiceItem> services, boolean active, @Schema(example = "2025-09-01") LocalDate joinedAt,
			Instant createdAt, Instant updatedAt) {

		static BusinessView of(Business b) {
			return new BusinessView(b.id(), b.name(), CategoryRef.of(b.category()), b.description(), b.address(),
					b.mapsUrl(), b.hours(), b.contacts(), b.logoUrl(), b.galleryUrls(), b.services(), b.active(),
					b.joinedAt(), b.createdAt(), b.updatedAt());
		}
	}

	record BusinessList(List<BusinessView> businesses, long total) {
	}

	/** A promotion in the admin space, with where it stands now. */
	record PromotionView(UUID id, UUID businessId, @Schema(example = "Двойные бонусы на маникюр") String title,
			@Nullable String description, @Schema(example = "2.00") BigDecimal bonusMultiplier, Instant validFrom,
			@Nullable Instant validUntil, boolean active,
			@Schema(allowableValues = { "scheduled", "running", "ended", "paused" }) String status,
			Instant createdAt, Instant updatedAt) {

		static PromotionView of(Promotion p, Instant now) {
			return new PromotionView(p.id(), p.businessId(), p.title(), p.description(), p.bonusMultiplier(),
					p.validFrom(), p.validUntil(), p.active(), p.status(now).key(), p.createdAt(), p.updatedAt());
		}
	}

	record PromotionList(List<PromotionView> promotions, long total) {
	}

	/** A promotion running now, as members see it. */
	record RunningPromotion(UUID id, @Schema(example = "Двойные бонусы на маникюр") String title,
			@Nullable String description, @Schema(example = "2.00") BigDecimal bonusMultiplier,
			@Nullable Instant validUntil) {

		static RunningPromotion of(Promotion p) {
			return new RunningPromotion(p.id(), p.title(), p.description(), p.bonusMultiplier(), p.validUntil());
		}
	}

	/** A catalog card. */
	record CatalogCard(UUID id, @Schema(example = "Салон Миндаль") String name, CategoryRef category,
			@Nullable String logoUrl, List<RunningPromotion> currentPromotions) {
	}

	record CatalogList(List<CatalogCard> businesses, long total) {
	}

	/** A business's catalog page. */
	record CatalogDetail(UUID id, String name, CategoryRef category, @Nullable String description,
			@Nullable String address, @Nullable String mapsUrl, @Nullable OpeningHours hours, Contacts contacts,
			@Nullable String logoUrl, List<String> galleryUrls, List<ServiceItem> services,
			@Schema(example = "RUB") String currency, List<RunningPromotion> currentPromotions) {
	}
}
