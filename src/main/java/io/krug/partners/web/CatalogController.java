package io.krug.partners.web;

import io.krug.partners.internal.Business;
import io.krug.partners.internal.CatalogService;
import io.krug.partners.internal.CatalogService.Entry;
import io.krug.partners.internal.CategoryService;
import io.krug.partners.internal.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/businesses")
@Tag(name = "Catalog", description = """
		The program's partner businesses as members see them; no sign-in needed (the program comes from the \
		X-Krug-Program header or the caller's credentials). Only active businesses, with the promotions running \
		now.""")
class CatalogController {

	private final CatalogService catalog;

	private final CategoryService categories;

	CatalogController(CatalogService catalog, CategoryService categories) {
		this.catalog = catalog;
		this.categories = categories;
	}

	@GetMapping
	@Operation(summary = "List active businesses by name, optionally of one category")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	Views.CatalogList list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		Page<Entry> page = catalog.list(category, limit, offset);
		return new Views.CatalogList(page.items().stream().map(CatalogController::card).toList(), page.total());
	}

	@GetMapping("/categories")
	@Operation(summary = "The program's categories in display order, for the catalog's filter")
	Views.Categories categories() {
		return new Views.Categories(categories.list());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A business's page: description, services and prices, gallery, contacts, hours, "
			+ "booking link and a Yandex Maps link")
	@ApiResponse(responseCode = "404", description = "business_not_found (also for inactive businesses)")
	Views.CatalogDetail get(@PathVariable UUID id) {
		Entry entry = catalog.get(id);
		Business b = entry.business();
		return new Views.CatalogDetail(b.id(), b.name(), Views.CategoryRef.of(b.category()), b.description(),
				b.address(), b.mapsUrl(), b.hours(), b.contacts(), b.logoUrl(), b.galleryUrls(), b.services(),
				catalog.currency().getCurrencyCode(), running(entry));
	}

	private static Views.CatalogCard card(Entry entry) {
		Business b = entry.business();
		return new Views.CatalogCard(b.id(), b.name(), Views.CategoryRef.of(b.category()), b.logoUrl(),
				running(entry));
	}

	private static List<Views.RunningPromotion> running(Entry entry) {
		return entry.promotions().stream().map(Views.RunningPromotion::of).toList();
	}
}
