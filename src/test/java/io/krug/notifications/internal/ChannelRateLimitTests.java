package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChannelRateLimitTests extends NotificationTest {

	@Autowired
	RateLimiter rateLimiter;

	@Test
	void channelBucketsAreSharedByReplicasAndRefuseOnceEmpty() {
		// Later than any earlier run, so the shared bucket (in PostgreSQL) has refilled; frozen, so it does not refill.
		clock.set(Instant.now().plus(Duration.ofDays(365)));
		ChannelRateLimits replicaA = new ChannelRateLimits(rateLimiter, 5, 1, 1, 30, 500);
		ChannelRateLimits replicaB = new ChannelRateLimits(rateLimiter, 5, 1, 1, 30, 500);
		for (int i = 0; i < 5; i++) {
			assertThat((i % 2 == 0 ? replicaA : replicaB).acquire(Channel.EMAIL)).isEmpty();
		}
		assertThat(replicaA.acquire(Channel.EMAIL)).hasValueSatisfying(wait -> assertThat(wait).isPositive());
		assertThat(replicaB.acquire(Channel.EMAIL)).isPresent();
		assertThat(replicaB.acquire(Channel.SMS)).as("another channel's bucket").isEmpty();
		clock.tick(Duration.ofSeconds(1));
		assertThat(replicaB.acquire(Channel.EMAIL)).as("refilled after a second").isEmpty();
	}

	@Test
	void throttledMessageGoesBackUncounted() {
		Program program = fixtures.program();
		UUID member = memberWithEmail(program, email());
		Instant later = clock.instant().plus(Duration.ofHours(1));
		NewMessage message = new NewMessage(member, "welcome", "account", Priority.NORMAL, Channel.EMAIL,
				"throttle", "ru", "x@krug.test", "s", "t", null, later);
		UUID id = inProgram(program, () -> store.insert(program.id().value(), message, clock.instant(), null))
			.orElseThrow();
		List<Message> claimed = TenantContext.call(program.id(), () -> worker.claim(later));
		assertThat(claimed).extracting(Message::attempts).containsExactly(1);
		inProgram(program, () -> store.throttle(claimed.getFirst(), later.plusSeconds(1), later));
		Message back = inProgram(program, () -> store.find(program.id().value(), id)).orElseThrow();
		assertThat(back.status()).isEqualTo("queued");
		assertThat(back.attempts()).isZero();
		assertThat(back.nextAttemptAt()).isEqualTo(later.plusSeconds(1));
	}
}
