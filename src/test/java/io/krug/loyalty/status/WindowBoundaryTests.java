package io.krug.loyalty.status;

import static io.krug.identity.MemberStatus.INSIDER;
import static io.krug.identity.MemberStatus.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 12-month boundary on the program's calendar (Europe/Moscow). Now is 1 March 2025, 00:30 in Moscow
 * (28 February, 21:30 UTC), so the window starts after 1 March 2024, 00:30 in Moscow (29 February 2024, 21:30 UTC).
 * Each member has two recent purchases of 10,000 and a third of 10,000 near the boundary: they are vip exactly when
 * the third counts.
 */
class WindowBoundaryTests extends StatusTest {

	static final Instant NOW = Instant.parse("2025-02-28T21:30:00Z");

	static final Instant TWELVE_MONTHS_AGO = Instant.parse("2024-02-29T21:30:00Z");

	@Autowired
	NightlyRecompute nightly;

	Program program;

	@BeforeEach
	void program() {
		program = programWithCategories();
		clock.set(NOW);
	}

	UUID memberWithThirdPurchaseAt(Instant at) {
		UUID member = Ids.newId();
		purchase(program, member, "10000.00", "beauty_salon", NOW.minus(Duration.ofDays(10)));
		purchase(program, member, "10000.00", "gastronomy", NOW.minus(Duration.ofDays(10)));
		purchase(program, member, "10000.00", "optics", at);
		return member;
	}

	@Test
	void aPurchaseExactlyTwelveMonthsOldHasLeftTheWindow() {
		assertThat(recompute(program, memberWithThirdPurchaseAt(TWELVE_MONTHS_AGO)).after()).isEqualTo(INSIDER);
	}

	@Test
	void aPurchaseOneSecondYoungerStillCounts() {
		assertThat(recompute(program, memberWithThirdPurchaseAt(TWELVE_MONTHS_AGO.plusSeconds(1))).after())
			.isEqualTo(VIP);
	}

	@Test
	void aPurchaseOneSecondOlderDoesNotCount() {
		assertThat(recompute(program, memberWithThirdPurchaseAt(TWELVE_MONTHS_AGO.minusSeconds(1))).after())
			.isEqualTo(INSIDER);
	}

	@Test
	void theWindowIsMeasuredOnTheProgramsCalendarNotInUtc() {
		// 29 February 2024, 03:00 in Moscow: within twelve months on the UTC calendar, not on Moscow's.
		UUID member = memberWithThirdPurchaseAt(Instant.parse("2024-02-29T00:00:00Z"));

		assertThat(recompute(program, member).after()).isEqualTo(INSIDER);
	}

	@Test
	void theNightlyRunDemotesWhenThePurchaseTurnsTwelveMonthsOld() {
		UUID member = memberWithThirdPurchaseAt(TWELVE_MONTHS_AGO.plusSeconds(1));
		assertThat(recompute(program, member).after()).isEqualTo(VIP);

		clock.tick(Duration.ofSeconds(1));
		nightly.run(program);

		assertThat(statusOf(program, member)).isEqualTo(INSIDER);
		assertThat(history(program, member)).containsExactly("insider>vip:purchase", "vip>insider:nightly");
	}

	@Test
	void purchasesAfterNowDoNotCountYet() {
		UUID member = memberWithThirdPurchaseAt(NOW.plusSeconds(1));

		assertThat(recompute(program, member).after()).isEqualTo(INSIDER);
	}
}
