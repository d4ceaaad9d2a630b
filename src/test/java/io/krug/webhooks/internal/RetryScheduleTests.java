package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

	@Test
	void waitsLongerAfterEachFailureThenGivesUpAfterTheEighthAttempt() {
		RetrySchedule none = new RetrySchedule(() -> 0.5);
		assertThat(IntStream.rangeClosed(1, 7).mapToObj(n -> none.after(n).orElseThrow()).toList()).isEqualTo(
				List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
						Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));
		assertThat(none.after(8)).isEmpty();
		assertThat(none.after(0)).isEmpty();
	}

	@Test
	void jittersByAtMostTenPercent() {
		assertThat(new RetrySchedule(() -> 0.0).after(2)).contains(Duration.ofSeconds(270));
		assertThat(new RetrySchedule(() -> 0.999999).after(2).orElseThrow()).isBetween(Duration.ofSeconds(329),
				Duration.ofSeconds(330));
		RetrySchedule random = new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble());
		for (int i = 0; i < 1000; i++) {
			assertThat(random.after(1).orElseThrow()).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
		}
	}

	@Test
	void readsRetryAfterAsSecondsOrADate() {
		Instant now = Instant.parse("2025-11-10T12:00:00Z");
		assertThat(Sender.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
		assertThat(Sender.retryAfter("Mon, 10 Nov 2025 13:00:00 GMT", now)).isEqualTo(Duration.ofHours(1));
		assertThat(Sender.retryAfter("0", now)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Sender.retryAfter("9999999", now)).isEqualTo(Duration.ofHours(24));
		assertThat(Sender.retryAfter("soon", now)).isNull();
		assertThat(Sender.retryAfter(null, now)).isNull();
	}
}
