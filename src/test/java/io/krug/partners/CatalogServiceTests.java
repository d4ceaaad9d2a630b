package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.CatalogService;
import io.krug.partners.internal.CatalogService.Entry;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.NewPromotion;
import io.krug.partners.internal.PartnersError;
import io.krug.partners.internal.Promotion;
import io.krug.partners.internal.PromotionService;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import io.krug.test.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CatalogServiceTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	@Autowired
	PromotionService promotions;

	@Autowired
	CatalogService catalog;

	@Autowired
	MutableClock clock;

	PartnersFixtures fixtures;

	Program program;

	KrugPrincipal admin;

	@BeforeEach
	void setUp() {
		fixtures = new PartnersFixtures(programs, partners);
		program = fixtures.newProgramWithCategories();
		admin = admin(program.id());
		clock.set(Instant.parse("2025-11-10T12:00:00Z"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void showsActiveBusinessesOnly() {
		Business mindal = create("Салон Миндаль", "beauty_salon");
		Business steam = create("Стим Центр", "dentistry");
		inProgram(() -> businesses.deactivate(admin, steam.id()));

		var page = inProgram(() -> catalog.list(null, 20, 0));

		assertThat(page.items()).extracting(e -> e.business().id()).containsExactly(mindal.id());
		assertThat(page.total()).isEqualTo(1);
		assertThatThrownBy(() -> inProgram(() -> catalog.get(steam.id()))).isInstanceOfSatisfying(
				KrugException.class, ex -> assertThat(ex.error()).isEqualTo(PartnersError.BUSINESS_NOT_FOUND));
	}

	@Test
	void filtersByCategory() {
		create("Салон Миндаль", "beauty_salon");
		Business lisichkino = create("Лисичкино", "gastronomy");

		assertThat(inProgram(() -> catalog.list("gastronomy", 20, 0)).items())
			.extracting(e -> e.business().id())
			.containsExactly(lisichkino.id());
		assertThat(inProgram(() -> catalog.list("no_such_category", 20, 0)).total()).isZero();
	}

	@Test
	void showsThePromotionsRunningNowHighestFirst() {
		Business mindal = create("Салон Миндаль", "beauty_salon");
		Business lisichkino = create("Лисичкино", "gastronomy");
		Promotion x15 = promote(mindal, "1.5", "2025-11-01T00:00:00Z", "2025-12-01T00:00:00Z");
		Promotion x2 = promote(mindal, "2", "2025-11-05T00:00:00Z", null);
		promote(mindal, "3", "2025-12-01T00:00:00Z", null);
		promote(lisichkino, "2", "2025-10-01T00:00:00Z", "2025-11-01T00:00:00Z");

		List<Entry> entries = inProgram(() -> catalog.list(null, 20, 0)).items();
		Entry detail = inProgram(() -> catalog.get(mindal.id()));

		assertThat(entries).filteredOn(e -> e.business().id().equals(mindal.id()))
			.singleElement()
			.satisfies(e -> assertThat(e.promotions()).containsExactly(x2, x15));
		assertThat(entries).filteredOn(e -> e.business().id().equals(lisichkino.id()))
			.singleElement()
			.satisfies(e -> assertThat(e.promotions()).isEmpty());
		assertThat(detail.promotions()).containsExactly(x2, x15);
	}

	@Test
	void aBusinessOfAnotherProgramIsNotFound() {
		Business mindal = create("Салон Миндаль", "beauty_salon");
		Program other = fixtures.newProgramWithCategories();

		assertThatThrownBy(() -> TenantContext.call(other.id(), () -> catalog.get(mindal.id())))
			.isInstanceOf(KrugException.class);
		assertThatThrownBy(
				() -> TenantContext.call(other.id(), () -> businesses.get(admin(other.id()), mindal.id())))
			.isInstanceOf(KrugException.class);
		assertThat(TenantContext.call(other.id(), () -> partners.findBusiness(mindal.id()))).isEmpty();
		assertThat(TenantContext.call(other.id(), () -> partners.businessNames(Set.of(mindal.id())))).isEmpty();
		assertThat(TenantContext.call(other.id(), () -> catalog.list(null, 20, 0)).total()).isZero();
		assertThat(inProgram(() -> partners.findBusiness(mindal.id()))).isPresent();
	}

	private Promotion promote(Business business, String multiplier, String from, String until) {
		return inProgram(() -> promotions.create(admin, business.id(), new NewPromotion("x" + multiplier, null,
				new BigDecimal(multiplier), Instant.parse(from), until == null ? null : Instant.parse(until))));
	}

	private Business create(String name, String category) {
		return inProgram(() -> businesses.create(admin, NewBusiness.of(name, category)));
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
