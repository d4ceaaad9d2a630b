package io.krug.partners.web;

import static io.krug.partners.PartnersFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.partners.PartnersApi;
import io.krug.partners.PartnersFixtures;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.Contacts;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.NewPromotion;
import io.krug.partners.internal.OpeningHours;
import io.krug.partners.internal.PromotionService;
import io.krug.partners.internal.ServiceItem;
import io.krug.partners.internal.TimeRange;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.IntegrationTest;
import io.krug.test.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The members' catalog JSON, produced by the controller and the application's own JSON mapper. (Real HTTP tests of
 * the public catalog need the security filter that binds the program from {@code X-Krug-Program}.)
 */
@IntegrationTest
class CatalogJsonTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	@Autowired
	PromotionService promotions;

	@Autowired
	CatalogController catalog;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aBusinessPageCarriesWhatTheMembersAppShows() {
		Program program = new PartnersFixtures(programs, partners).newProgramWithCategories();
		clock.set(Instant.parse("2025-11-10T12:00:00Z"));
		Business mindal = TenantContext.call(program.id(), () -> businesses.create(admin(program.id()),
				new NewBusiness("Салон Миндаль", "beauty_salon", "Маникюр", "Москва, Пятницкая, 10",
						new OpeningHours(List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(21, 0))), null,
								null, null, null, null, null, null),
						new Contacts("+7 495 123-45-67", null, null, "https://n1.yclients.com/"),
						"https://cdn.example/logo.png", List.of(),
						List.of(new ServiceItem("Маникюр", new BigDecimal("3000"), 90)), null)));
		TenantContext.run(program.id(), () -> promotions.create(admin(program.id()), mindal.id(),
				new NewPromotion("x2", null, new BigDecimal("2"), Instant.parse("2025-11-01T00:00:00Z"), null)));

		JsonNode page = json.valueToTree(TenantContext.call(program.id(), () -> catalog.get(mindal.id())));
		JsonNode card = json.valueToTree(TenantContext.call(program.id(), () -> catalog.list(null, 20, 0)));

		assertThat(page.path("category").path("key").asString()).isEqualTo("beauty_salon");
		assertThat(page.path("hours").path("mon").get(0).path("opens").asString()).isEqualTo("10:00");
		assertThat(page.path("services").get(0).path("price").decimalValue()).isEqualByComparingTo("3000.00");
		assertThat(page.path("services").get(0).path("duration_minutes").asInt()).isEqualTo(90);
		assertThat(page.path("contacts").path("booking_url").asString()).isEqualTo("https://n1.yclients.com/");
		assertThat(page.path("maps_url").asString()).startsWith("https://yandex.ru/maps/?text=");
		assertThat(page.path("currency").asString()).isEqualTo("RUB");
		assertThat(page.path("current_promotions").get(0).path("bonus_multiplier").decimalValue())
			.isEqualByComparingTo("2");
		assertThat(page.has("rating")).isFalse();
		assertThat(card.path("total").asLong()).isEqualTo(1);
		assertThat(card.path("businesses").get(0).path("logo_url").asString())
			.isEqualTo("https://cdn.example/logo.png");
		assertThat(card.path("businesses").get(0).path("current_promotions")).hasSize(1);
	}
}
