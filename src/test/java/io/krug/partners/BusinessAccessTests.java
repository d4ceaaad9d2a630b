package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static io.krug.partners.PartnersFixtures.manager;
import static io.krug.partners.PartnersFixtures.member;
import static io.krug.partners.PartnersFixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessChanges;
import io.krug.partners.internal.BusinessFilter;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.PartnersError;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.ErrorCode;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A business's staff see and edit their own business only; to them, other businesses do not exist. */
@IntegrationTest
class BusinessAccessTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	Program program;

	Business mindal;

	Business lisichkino;

	KrugPrincipal owner;

	@BeforeEach
	void setUp() {
		program = new PartnersFixtures(programs, partners).newProgramWithCategories();
		KrugPrincipal admin = admin(program.id());
		mindal = inProgram(() -> businesses.create(admin, NewBusiness.of("Салон Миндаль", "beauty_salon")));
		lisichkino = inProgram(() -> businesses.create(admin, NewBusiness.of("Лисичкино", "gastronomy")));
		owner = owner(program.id(), mindal.id());
	}

	@Test
	void ownerEditsTheDescriptiveFieldsOfTheirBusiness() {
		Business changed = inProgram(
				() -> businesses.update(owner, mindal.id(), BusinessChanges.description("Маникюр и педикюр")));

		assertThat(changed.description()).isEqualTo("Маникюр и педикюр");
		assertThat(inProgram(() -> businesses.get(owner, mindal.id())).description()).isEqualTo("Маникюр и педикюр");
	}

	@Test
	void ownerMayNotChangeActiveJoinedAtOrCategory() {
		assertFails(() -> inProgram(() -> businesses.update(owner, mindal.id(), BusinessChanges.active(false))),
				PartnersError.FIELD_RESTRICTED);
		assertFails(() -> inProgram(() -> businesses.update(owner, mindal.id(), new BusinessChanges(null, null, null,
				null, null, null, null, null, null, null, LocalDate.of(2020, 1, 1)))), PartnersError.FIELD_RESTRICTED);
		assertFails(() -> inProgram(() -> businesses.update(owner, mindal.id(), new BusinessChanges(null,
				"cosmetology", null, null, null, null, null, null, null, null, null))), PartnersError.FIELD_RESTRICTED);
		assertThat(inProgram(() -> businesses.get(owner, mindal.id())).active()).isTrue();
	}

	@Test
	void anotherBusinessIsNotFoundForAnOwner() {
		assertFails(() -> inProgram(() -> businesses.get(owner, lisichkino.id())), PartnersError.BUSINESS_NOT_FOUND);
		assertFails(() -> inProgram(
				() -> businesses.update(owner, lisichkino.id(), BusinessChanges.description("захват"))),
				PartnersError.BUSINESS_NOT_FOUND);
		assertThat(inProgram(() -> businesses.get(admin(program.id()), lisichkino.id())).description()).isNull();
	}

	@Test
	void managerViewsTheirBusinessButMayNotEditIt() {
		KrugPrincipal manager = manager(program.id(), mindal.id());

		assertThat(inProgram(() -> businesses.get(manager, mindal.id())).name()).isEqualTo("Салон Миндаль");
		assertFails(() -> inProgram(() -> businesses.update(manager, mindal.id(), BusinessChanges.description("x"))),
				PartnersError.BUSINESS_READ_ONLY);
		assertFails(() -> inProgram(() -> businesses.get(manager, lisichkino.id())), PartnersError.BUSINESS_NOT_FOUND);
	}

	@Test
	void staffListOnlyTheirOwnBusinessAndMembersNone() {
		var page = inProgram(() -> businesses.list(owner, new BusinessFilter(null, null, null, 50, 0)));

		assertThat(page.items()).extracting(Business::id).containsExactly(mindal.id());
		assertThat(page.total()).isEqualTo(1);
		assertThat(inProgram(() -> businesses.list(admin(program.id()), new BusinessFilter(null, null, null, 50, 0)))
			.total()).isEqualTo(2);
		assertFails(() -> inProgram(() -> businesses.list(member(program.id()),
				new BusinessFilter(null, null, null, 50, 0))), PartnersError.NO_BUSINESS_ACCESS);
	}

	@Test
	void onlyAdminsAddAndDeactivateBusinesses() {
		assertFails(() -> inProgram(() -> businesses.create(owner, NewBusiness.of("Ещё один", "home"))),
				PartnersError.NO_BUSINESS_ACCESS);
		assertFails(() -> inProgram(() -> businesses.deactivate(owner, mindal.id())),
				PartnersError.NO_BUSINESS_ACCESS);
	}

	private static void assertFails(ThrowingCallable call, ErrorCode error) {
		assertThatThrownBy(call).isInstanceOfSatisfying(KrugException.class,
				ex -> assertThat(ex.error()).isEqualTo(error));
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
