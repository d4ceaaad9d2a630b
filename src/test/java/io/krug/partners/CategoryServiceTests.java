package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.CategoryChanges;
import io.krug.partners.internal.CategoryService;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.NewCategory;
import io.krug.partners.internal.PartnersError;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.ErrorCode;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CategoryServiceTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	CategoryService categories;

	@Autowired
	BusinessService businesses;

	Program program;

	@BeforeEach
	void setUp() {
		program = new PartnersFixtures(programs, partners).newProgramWithCategories();
	}

	@Test
	void addsRenamesAndReordersCategories() {
		inProgram(() -> categories.create(new NewCategory("fitness", "Фитнес", false, 5)));
		inProgram(() -> categories.update("legal", new CategoryChanges("Юристы", null, 1)));

		assertThat(inProgram(partners::categories)).extracting(Category::key)
			.startsWith("legal", "fitness", "beauty_salon");
		assertThat(inProgram(() -> partners.findCategory("legal"))).contains(new Category("legal", "Юристы", false, 1));
	}

	@Test
	void rejectsADuplicateOrMalformedKey() {
		assertFails(() -> inProgram(() -> categories.create(new NewCategory("home", "Дом 2", false, 0))),
				PartnersError.CATEGORY_EXISTS);
		assertThatThrownBy(() -> inProgram(() -> categories.create(new NewCategory("Home-Decor", "Декор", false, 0))))
			.isInstanceOf(ConstraintViolationException.class);
	}

	@Test
	void deletesOnlyACategoryNoBusinessUses() {
		inProgram(() -> businesses.create(admin(program.id()), NewBusiness.of("Оптика Люкс", "optics")));

		assertFails(() -> run(() -> categories.delete("optics")), PartnersError.CATEGORY_IN_USE);
		run(() -> categories.delete("floristry"));

		assertThat(inProgram(() -> partners.findCategory("optics"))).isPresent();
		assertThat(inProgram(() -> partners.findCategory("floristry"))).isEmpty();
		assertFails(() -> run(() -> categories.delete("floristry")), PartnersError.CATEGORY_NOT_FOUND);
	}

	private static void assertFails(ThrowingCallable call, ErrorCode error) {
		assertThatThrownBy(call).isInstanceOfSatisfying(KrugException.class,
				ex -> assertThat(ex.error()).isEqualTo(error));
	}

	private void run(Runnable work) {
		TenantContext.run(program.id(), work);
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
