package io.krug.partners.internal;

import io.krug.partners.BusinessSummary;
import io.krug.partners.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner business of a program, as the admin space sees it. */
public record Business(UUID id, String name, Category category, @Nullable String description,
		@Nullable String address, @Nullable OpeningHours hours, Contacts contacts, @Nullable String logoUrl,
		List<String> galleryUrls, List<ServiceItem> services, boolean active, LocalDate joinedAt, Instant createdAt,
		Instant updatedAt) {

	/** A Yandex Maps search for the address ("Построить маршрут"), or {@code null} without an address. */
	public @Nullable String mapsUrl() {
		return address == null ? null
				: "https://yandex.ru/maps/?text=" + URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20");
	}

	public BusinessSummary summary() {
		return new BusinessSummary(id, name, category.key(), category.medical(), active, joinedAt);
	}
}
