package io.krug.partners;

import static io.krug.partners.PartnersFixtures.admin;
import static io.krug.partners.PartnersFixtures.manager;
import static io.krug.partners.PartnersFixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.identity.KrugPrincipal;
import io.krug.partners.internal.Business;
import io.krug.partners.internal.BusinessService;
import io.krug.partners.internal.NewBusiness;
import io.krug.partners.internal.NewPromotion;
import io.krug.partners.internal.PartnersError;
import io.krug.partners.internal.Promotion;
import io.krug.partners.internal.PromotionChanges;
import io.krug.partners.internal.PromotionService;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.test.IntegrationTest;
import io.krug.test.MutableClock;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PromotionServiceTests {

	static final Instant NOV_1 = Instant.parse("2025-11-01T00:00:00Z");

	static final Instant NOV_10 = Instant.parse("2025-11-10T00:00:00Z");

	static final Instant NOV_20 = Instant.parse("2025-11-20T00:00:00Z");

	static final Instant DEC_1 = Instant.parse("2025-12-01T00:00:00Z");

	@Autowired
	Programs programs;

	@Autowired
	PartnersApi partners;

	@Autowired
	BusinessService businesses;

	@Autowired
	PromotionService promotions;

	@Autowired
	MutableClock clock;

	Program program;

	KrugPrincipal admin;

	Business mindal;

	@BeforeEach
	void setUp() {
		program = new PartnersFixtures(programs, partners).newProgramWithCategories();
		admin = admin(program.id());
		mindal = inProgram(() -> businesses.create(admin, NewBusiness.of("Салон Миндаль", "beauty_salon")));
		clock.set(Instant.parse("2025-10-15T12:00:00Z"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void multiplierIsOneWithoutPromotions() {
		assertThat(multiplierAt(NOV_10)).isEqualByComparingTo("1");
	}

	@Test
	void multiplierFollowsThePromotionsValidityAndTheHighestOverlappingOneWins() {
		create("x1.5 all November", "1.5", NOV_1, DEC_1);
		create("x2 ten days", "2.0", NOV_10, NOV_20);

		assertThat(multiplierAt(NOV_1.minusNanos(1000))).isEqualByComparingTo("1");
		assertThat(multiplierAt(NOV_1)).isEqualByComparingTo("1.5");
		assertThat(multiplierAt(NOV_10)).isEqualByComparingTo("2.0");
		assertThat(multiplierAt(NOV_20.minusSeconds(1))).isEqualByComparingTo("2.0");
		assertThat(multiplierAt(NOV_20)).isEqualByComparingTo("1.5");
		assertThat(multiplierAt(DEC_1)).isEqualByComparingTo("1");
	}

	@Test
	void multipliersAtManyInstantsInOneQueryAreEachInstantsMultiplier() {
		create("x1.5 all November", "1.5", NOV_1, DEC_1);
		create("x2 ten days", "2.0", NOV_10, NOV_20);
		Promotion paused = create("x3 paused", "3", NOV_1, null);
		inProgram(() -> promotions.update(admin, mindal.id(), paused.id(),
				new PromotionChanges(null, null, null, null, null, false)));
		List<Instant> instants = List.of(NOV_1.minusNanos(1000), NOV_1, NOV_10, NOV_20.minusSeconds(1), NOV_20, DEC_1);

		Map<Instant, BigDecimal> multipliers = inProgram(() -> partners.promotionMultipliers(mindal.id(), instants));

		assertThat(multipliers).hasSize(instants.size());
		for (Instant at : instants) {
			assertThat(multipliers.get(at)).as("at %s", at).isEqualByComparingTo(multiplierAt(at));
		}
		assertThat(multipliers.get(NOV_10)).isEqualByComparingTo("2.0");
	}

	@Test
	void pausedPromotionsDoNotCount() {
		Promotion p = create("x3", "3", NOV_1, null);

		inProgram(() -> promotions.update(admin, mindal.id(), p.id(),
				new PromotionChanges(null, null, null, null, null, false)));

		assertThat(multiplierAt(NOV_10)).isEqualByComparingTo("1");
	}

	@Test
	void aChangedPromotionAppliesAtOnceThoughPurchasesKeepPromotionsCached() {
		assertThat(multiplierAt(NOV_10)).as("read, so remembered").isEqualByComparingTo("1");
		Promotion p = create("x3", "3", NOV_1, null);
		assertThat(multiplierAt(NOV_10)).as("after a creation").isEqualByComparingTo("3");

		inProgram(() -> promotions.update(admin, mindal.id(), p.id(),
				new PromotionChanges(null, null, null, null, null, false)));
		assertThat(multiplierAt(NOV_10)).as("after a pause").isEqualByComparingTo("1");
	}

	@Test
	void endingAPromotionStopsItFromNowOnButKeepsItsPast() {
		Promotion p = create("x2 open-ended", "2", NOV_1, null);
		clock.set(NOV_10);

		Promotion ended = inProgram(() -> promotions.end(admin, mindal.id(), p.id()));

		assertThat(ended.validUntil()).isEqualTo(NOV_10);
		assertThat(ended.status(clock.instant())).isEqualTo(Promotion.Status.ENDED);
		assertThat(multiplierAt(NOV_10.minusSeconds(1))).isEqualByComparingTo("2");
		assertThat(multiplierAt(NOV_10)).isEqualByComparingTo("1");
	}

	@Test
	void endingAPromotionThatHasNotStartedCancelsIt() {
		Promotion p = create("x2 later", "2", NOV_20, DEC_1);
		clock.set(NOV_10);

		inProgram(() -> promotions.end(admin, mindal.id(), p.id()));

		assertThat(multiplierAt(NOV_20)).isEqualByComparingTo("1");
	}

	@Test
	void startsNowWhenNoStartIsGiven() {
		clock.set(NOV_10);
		Promotion p = create("x1.25", "1.25", null, null);

		assertThat(p.validFrom()).isEqualTo(NOV_10);
		assertThat(multiplierAt(NOV_10.plus(Duration.ofDays(365)))).isEqualByComparingTo("1.25");
	}

	@Test
	void rejectsMultipliersOutOfRangeAndPeriodsThatEndBeforeTheyStart() {
		assertThatThrownBy(() -> create("zero", "0", NOV_1, null))
			.isInstanceOf(ConstraintViolationException.class);
		assertThatThrownBy(() -> create("too much", "10.5", NOV_1, null))
			.isInstanceOf(ConstraintViolationException.class);
		assertThatThrownBy(() -> create("too precise", "1.255", NOV_1, null))
			.isInstanceOf(ConstraintViolationException.class);
		assertThatThrownBy(() -> create("backwards", "2", NOV_20, NOV_10)).isInstanceOfSatisfying(
				KrugException.class, ex -> assertThat(ex.error()).isEqualTo(PartnersError.INVALID_PROMOTION_PERIOD));
		assertThat(create("ten", "10", NOV_1, null).bonusMultiplier()).isEqualByComparingTo("10");
	}

	@Test
	void theOwnerRunsPromotionsOfTheirBusinessOnly() {
		Business other = inProgram(() -> businesses.create(admin, NewBusiness.of("Лисичкино", "gastronomy")));
		KrugPrincipal owner = owner(program.id(), mindal.id());
		NewPromotion x2 = new NewPromotion("x2", null, new BigDecimal("2"), NOV_1, null);

		Promotion own = inProgram(() -> promotions.create(owner, mindal.id(), x2));

		assertThat(own.businessId()).isEqualTo(mindal.id());
		assertThatThrownBy(() -> inProgram(() -> promotions.create(owner, other.id(), x2)))
			.isInstanceOfSatisfying(KrugException.class,
					ex -> assertThat(ex.error()).isEqualTo(PartnersError.BUSINESS_NOT_FOUND));
		KrugPrincipal manager = manager(program.id(), mindal.id());
		assertThat(inProgram(() -> promotions.list(manager, mindal.id(), 50, 0)).items()).containsExactly(own);
		assertThatThrownBy(() -> inProgram(() -> promotions.create(manager, mindal.id(), x2)))
			.isInstanceOfSatisfying(KrugException.class,
					ex -> assertThat(ex.error()).isEqualTo(PartnersError.BUSINESS_READ_ONLY));
	}

	private Promotion create(String title, String multiplier, @Nullable Instant from, @Nullable Instant until) {
		return inProgram(() -> promotions.create(admin, mindal.id(),
				new NewPromotion(title, null, new BigDecimal(multiplier), from, until)));
	}

	private BigDecimal multiplierAt(Instant at) {
		return inProgram(() -> partners.promotionMultiplier(mindal.id(), at));
	}

	private <T> T inProgram(Supplier<T> work) {
		return TenantContext.call(program.id(), work);
	}
}
