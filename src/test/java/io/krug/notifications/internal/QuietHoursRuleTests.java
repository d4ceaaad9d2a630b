package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursRuleTests {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	@ParameterizedTest
	@CsvSource({ "2026-11-23T09:00:00Z, 2026-11-23T09:00:00Z", // 12:00 local: allowed
			"2026-11-23T19:00:00Z, 2026-11-24T05:00:00Z", // 22:00 local: quiet until 08:00 next day
			"2026-11-23T20:30:00Z, 2026-11-24T05:00:00Z", // 23:30
			"2026-11-23T23:00:00Z, 2026-11-24T05:00:00Z", // 02:00 next day, local
			"2026-11-24T04:59:59Z, 2026-11-24T05:00:00Z", // 07:59:59
			"2026-11-24T05:00:00Z, 2026-11-24T05:00:00Z", // 08:00 sharp: allowed
			"2026-11-23T18:59:59Z, 2026-11-23T18:59:59Z" }) // 21:59:59
	void defersMessagesInsideQuietHoursToTheirEnd(Instant at, Instant expected) {
		assertThat(QuietHoursRule.nextAllowed(at, MOSCOW, LocalTime.of(22, 0), LocalTime.of(8, 0))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-23T10:30:00Z, 2026-11-23T11:00:00Z", "2026-11-23T09:59:00Z, 2026-11-23T09:59:00Z" })
	void handlesWindowsWithinOneDay(Instant at, Instant expected) {
		// 13:00–14:00 Moscow
		assertThat(QuietHoursRule.nextAllowed(at, MOSCOW, LocalTime.of(13, 0), LocalTime.of(14, 0)))
			.isEqualTo(expected);
	}
}
