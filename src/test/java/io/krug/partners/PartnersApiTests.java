package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.NewBusiness;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PartnersApiTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	Program program;

	KrugPrincipal admin;

	@BeforeEach
	void setUp() {
		program = new PartnersFixtures(programs, partners).newProgramWithCategories();
		admin = admin(program.id());
	}

	@Test
	void summarizesABusinessWithItsCategorysMedicalFlag() {
		Business clinic = create("Миллениум", "medicine");

		BusinessSummary summary = inProgram(() -> partners.findBusiness(clinic.id())).orElseThrow();

		assertThat(summary).isEqualTo(new BusinessSummary(clinic.id(), "Миллениум", "medicine", true, true,
				clinic.joinedAt()));
		assertThat(inProgram(() -> partners.findBusiness(Ids.newId()))).isEmpty();
	}

	@Test
	void namesTheBusinessesAskedFor() {
		Business mindal = create("Салон Миндаль", "beauty_salon");
		Business lisichkino = create("Лисичкино", "gastronomy");
		create("Skinerica", "cosmetology");

		Map<java.util.UUID, String> names = inProgram(
				() -> partners.businessNames(List.of(mindal.id(), lisichkino.id(), Ids.newId())));

		assertThat(names).containsOnly(Map.entry(mindal.id(), "Салон Миндаль"),
				Map.entry(lisichkino.id(), "Лисичкино"));
		assertThat(inProgram(() -> partners.businessNames(List.of()))).isEmpty();
	}

	@Test
	void tellsMedicalCategoriesApart() {
		assertThat(inProgram(() -> partners.isMedical("dentistry"))).isTrue();
		assertThat(inProgram(() -> partners.isMedical("gastronomy"))).isFalse();
		assertThat(inProgram(() -> partners.isMedical("no_such_category"))).isFalse();
		assertThat(inProgram(() -> partners.findCategory("legal"))).contains(
				new Category("legal", "Юридические услуги", false, 90));
	}

	private Business create(String name, String category) {
		return inProgram(() -> businesses.create(admin, NewBusiness.of(name, category)));
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
