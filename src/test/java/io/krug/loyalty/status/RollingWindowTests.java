package io.krug.loyalty.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The window on the program's calendar, without Spring. */
class RollingWindowTests {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	@Test
	void startsTwelveCalendarMonthsEarlierInTheProgramsTimeZone() {
		// 1 March 2025, 00:30 in Moscow is still 28 February in UTC: the window starts on 1 March 2024 in Moscow.
		Instant now = Instant.parse("2025-02-28T21:30:00Z");

		RollingWindow window = RollingWindow.endingAt(now, MOSCOW);

		assertThat(window.start()).isEqualTo(Instant.parse("2024-02-29T21:30:00Z"));
		assertThat(RollingWindow.endingAt(now, ZoneId.of("UTC")).start())
			.as("the same moment on the UTC calendar starts a day earlier")
			.isEqualTo(Instant.parse("2024-02-28T21:30:00Z"));
	}

	@Test
	void isOpenAtTheStartAndClosedAtTheEnd() {
		Instant now = Instant.parse("2025-06-15T12:00:00Z");
		RollingWindow window = RollingWindow.endingAt(now, MOSCOW);

		assertThat(window.contains(window.start())).as("exactly 12 months old").isFalse();
		assertThat(window.contains(window.start().plusSeconds(1))).isTrue();
		assertThat(window.contains(window.start().minusSeconds(1))).isFalse();
		assertThat(window.contains(now)).isTrue();
		assertThat(window.contains(now.plusSeconds(1))).isFalse();
	}

	@Test
	void aLeapDayEndClampsToTheTwentyEighth() {
		RollingWindow window = RollingWindow.endingAt(Instant.parse("2024-02-29T09:00:00Z"), MOSCOW);

		assertThat(window.start()).isEqualTo(Instant.parse("2023-02-28T09:00:00Z"));
	}

	@Test
	void keepsTheWallClockTimeAcrossDaylightSavingChanges() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		// 30 March 2025, 12:00 in Berlin is summer time (UTC+2); on 30 March 2024 Berlin was still on winter time.
		RollingWindow window = RollingWindow.endingAt(Instant.parse("2025-03-30T10:00:00Z"), berlin);

		assertThat(window.start()).as("12:00 in Berlin a year earlier").isEqualTo(Instant.parse("2024-03-30T11:00:00Z"));
		assertThat(window.previousStart(berlin)).isEqualTo(Instant.parse("2024-03-29T11:00:00Z"));
	}
}
