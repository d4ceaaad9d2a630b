package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessChanges;
import io.krug.partners.internal.BusinessFilter;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.Contacts;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.OpeningHours;
import io.krug.partners.internal.Page;
import io.krug.partners.internal.PartnersError;
import io.krug.partners.internal.ServiceItem;
import io.krug.partners.internal.TimeRange;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.test.MutableClock;
import io.krug.test.IntegrationTest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class BusinessServiceTests {

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	Program program;

	KrugPrincipal admin;

	@BeforeEach
	void setUp() {
		program = new PartnersFixtures(programs, partners).newProgramWithCategories();
		admin = admin(program.id());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void createsABusinessWithEverythingTheCatalogShows() {
		clock.set(Instant.parse("2025-08-31T22:30:00Z"));
		NewBusiness mindal = new NewBusiness("  Салон Миндаль ", "beauty_salon", "Маникюр и педикюр",
				"Москва, ул. Пятницкая, 10",
				new OpeningHours(List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(21, 0))), null, null, null,
						null, null, null, "Воскресенье — по записи"),
				new Contacts("+7 495 123-45-67", "hello@mindal.example", "https://mindal.example",
						"https://n123.yclients.com/"),
				"https://cdn.example/logo.png", List.of("https://cdn.example/1.jpg"),
				List.of(new ServiceItem("Маникюр", new BigDecimal("3000"), 90)), null);

		Business created = inProgram(() -> businesses.create(admin, mindal));
		Business read = inProgram(() -> businesses.get(admin, created.id()));

		assertThat(read).isEqualTo(created);
		assertThat(read.name()).isEqualTo("Салон Миндаль");
		assertThat(read.category().name()).isEqualTo("Салон красоты");
		assertThat(read.hours().mon()).containsExactly(new TimeRange(LocalTime.of(10, 0), LocalTime.of(21, 0)));
		assertThat(read.services().get(0).price()).isEqualByComparingTo("3000.00");
		assertThat(read.contacts().bookingUrl()).isEqualTo("https://n123.yclients.com/");
		assertThat(read.active()).isTrue();
		// 22:30 UTC is already September 1st in Moscow, the program's time zone
		assertThat(read.joinedAt()).isEqualTo(LocalDate.of(2025, 9, 1));
		assertThat(read.mapsUrl())
			.isEqualTo("https://yandex.ru/maps/?text=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0%2C%20%D1%83%D0%BB."
					+ "%20%D0%9F%D1%8F%D1%82%D0%BD%D0%B8%D1%86%D0%BA%D0%B0%D1%8F%2C%2010");
		assertThat(events.stream(BusinessJoined.class))
			.containsExactly(new BusinessJoined(program.id(), created.id(), "Салон Миндаль", "beauty_salon",
					LocalDate.of(2025, 9, 1)));
	}

	@Test
	void rejectsAnUnknownCategory() {
		assertThatThrownBy(() -> inProgram(() -> businesses.create(admin, NewBusiness.of("Фитнес", "fitness"))))
			.isInstanceOfSatisfying(KrugException.class,
					ex -> assertThat(ex.error()).isEqualTo(PartnersError.UNKNOWN_CATEGORY));
	}

	@Test
	void rejectsUrlsThatAreNotHttp() {
		NewBusiness business = new NewBusiness("Лисичкино", "gastronomy", null, null, null,
				new Contacts(null, null, null, "javascript:alert(1)"), "ftp://cdn.example/logo.png",
				List.of("https://ok.example/1.jpg", "file:///etc/passwd"), null, null);

		assertThatThrownBy(() -> inProgram(() -> businesses.create(admin, business)))
			.isInstanceOfSatisfying(ConstraintViolationException.class,
					ex -> assertThat(ex.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
						.containsExactlyInAnyOrder("create.command.contacts.bookingUrl", "create.command.logoUrl",
								"create.command.galleryUrls[1].<list element>"));
	}

	@Test
	void rejectsNegativePricesAndPricesWithMoreThanTwoDecimals() {
		NewBusiness business = new NewBusiness("Стим Центр", "dentistry", null, null, null, null, null, null,
				List.of(new ServiceItem("Чистка", new BigDecimal("-1.00"), null),
						new ServiceItem("Осмотр", new BigDecimal("1500.005"), 30),
						new ServiceItem("Консультация", new BigDecimal("0.00"), null)),
				null);

		assertThatThrownBy(() -> inProgram(() -> businesses.create(admin, business)))
			.isInstanceOfSatisfying(ConstraintViolationException.class,
					ex -> assertThat(ex.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
						.containsExactlyInAnyOrder("create.command.services[0].price",
								"create.command.services[1].price"));
	}

	@Test
	void updatesOnlyTheFieldsGivenAndClearsEmptyOnes() {
		Business created = create("Skinerica", "cosmetology");
		inProgram(() -> businesses.update(admin, created.id(),
				new BusinessChanges(null, null, "Аппаратная косметология", "Москва, Тверская, 1", null,
						new Contacts("+7 999 000-00-00", null, null, null), null, null, null, null, null)));

		Business changed = inProgram(() -> businesses.update(admin, created.id(),
				new BusinessChanges(null, "medicine", "", null, null, new Contacts(null, "a@b.example", null, null),
						null, null, null, null, LocalDate.of(2025, 1, 15))));

		assertThat(changed.name()).isEqualTo("Skinerica");
		assertThat(changed.description()).isNull();
		assertThat(changed.address()).isEqualTo("Москва, Тверская, 1");
		assertThat(changed.contacts()).isEqualTo(new Contacts("+7 999 000-00-00", "a@b.example", null, null));
		assertThat(changed.category().key()).isEqualTo("medicine");
		assertThat(changed.joinedAt()).isEqualTo(LocalDate.of(2025, 1, 15));
		assertThat(inProgram(() -> businesses.get(admin, created.id()))).isEqualTo(changed);
	}

	@Test
	void deactivatingKeepsTheBusinessAndPublishesBusinessDeactivated() {
		Business created = create("Миллениум", "medicine");

		inProgram(() -> businesses.deactivate(admin, created.id()));
		inProgram(() -> businesses.deactivate(admin, created.id()));

		assertThat(inProgram(() -> businesses.get(admin, created.id())).active()).isFalse();
		assertThat(events.stream(BusinessDeactivated.class)).singleElement()
			.extracting(BusinessDeactivated::businessId)
			.isEqualTo(created.id());
	}

	@Test
	void listsByCategoryActivityAndNamePageByPage() {
		Business mindal = create("Салон Миндаль", "beauty_salon");
		Business lisichkino = create("Лисичкино", "gastronomy");
		Business skinerica = create("Skinerica", "cosmetology");
		Business steam = create("Стим Центр", "dentistry");
		inProgram(() -> businesses.deactivate(admin, steam.id()));

		assertThat(list(new BusinessFilter(null, null, null, 50, 0)).items()).extracting(Business::id)
			.containsExactly(skinerica.id(), lisichkino.id(), mindal.id(), steam.id());
		assertThat(list(new BusinessFilter(null, true, null, 2, 1))).satisfies(page -> {
			assertThat(page.total()).isEqualTo(3);
			assertThat(page.items()).extracting(Business::id).containsExactly(lisichkino.id(), mindal.id());
		});
		assertThat(list(new BusinessFilter("gastronomy", null, null, 50, 0)).items()).extracting(Business::id)
			.containsExactly(lisichkino.id());
		assertThat(list(new BusinessFilter(null, null, "миндаль", 50, 0)).items()).extracting(Business::id)
			.containsExactly(mindal.id());
		assertThat(list(new BusinessFilter(null, null, "100%", 50, 0)).total()).isZero();
	}

	private Page<Business> list(BusinessFilter filter) {
		return inProgram(() -> businesses.list(admin, filter));
	}

	private Business create(String name, String category) {
		return inProgram(() -> businesses.create(admin, NewBusiness.of(name, category)));
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
