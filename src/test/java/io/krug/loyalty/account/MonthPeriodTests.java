package io.krug.loyalty.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krug.platform.web.KrugException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonthPeriodTests {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	@Test
	void aMonthRunsFromLocalMidnightToLocalMidnight() {
		MonthPeriod march = MonthPeriod.of(YearMonth.of(2026, 3), MOSCOW);

		assertThat(march.from()).isEqualTo(Instant.parse("2026-02-28T21:00:00Z"));
		assertThat(march.to()).isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
		assertThat(march.key()).isEqualTo("2026-03");
	}

	@Test
	void withoutAMonthItIsTheCurrentOneInTheProgramsTimeZone() {
		Clock lateOnMarch31 = Clock.fixed(Instant.parse("2026-03-31T21:30:00Z"), ZoneOffset.UTC);

		assertThat(MonthPeriod.parse(null, MOSCOW, lateOnMarch31).key()).isEqualTo("2026-04");
		assertThat(MonthPeriod.parse(" ", ZoneOffset.UTC, lateOnMarch31).key()).isEqualTo("2026-03");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13", "2026-00", "2026-3", "26-03", "march", "2026-03-01", "+2026-03" })
	void rejectsAnythingButYearDashMonth(String text) {
		KrugException rejected = catchThrowableOfType(KrugException.class,
				() -> MonthPeriod.parse(text, MOSCOW, Clock.systemUTC()));

		assertThat(rejected.error().code()).isEqualTo("validation_failed");
		assertThat(rejected.fieldErrors()).extracting(KrugException.FieldError::field).containsExactly("month");
	}
}
