package io.krug.notifications.internal;

import io.krug.platform.ratelimit.RateLimit;
import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.web.KrugException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends per second per channel, shared by every replica and program (token buckets in PostgreSQL through
 * {@link RateLimiter}): e-mail 100, SMS 10, in-app 1000, push 500, Telegram 30 (the Bot API's broadcast limit) by default ({@code krug.notifications.rate-limits.*}).
 */
@Component
class ChannelRateLimits {

	private final RateLimiter limiter;

	private final Map<Channel, RateLimit> limits = new EnumMap<>(Channel.class);

	ChannelRateLimits(RateLimiter limiter, @Value("${krug.notifications.rate-limits.email:100}") long email,
			@Value("${krug.notifications.rate-limits.sms:10}") long sms,
			@Value("${krug.notifications.rate-limits.in-app:1000}") long inApp,
			@Value("${krug.notifications.rate-limits.telegram:30}") long telegram,
			@Value("${krug.notifications.rate-limits.push:500}") long push) {
		this.limiter = limiter;
		limits.put(Channel.EMAIL, perSecond("notifications-email", email));
		limits.put(Channel.SMS, perSecond("notifications-sms", sms));
		limits.put(Channel.IN_APP, perSecond("notifications-in-app", inApp));
		limits.put(Channel.TELEGRAM, perSecond("notifications-telegram", telegram));
		limits.put(Channel.PUSH, perSecond("notifications-push", push));
	}

	/** Takes one send from the channel's bucket; empty when allowed, else how long to wait. */
	Optional<Duration> acquire(Channel channel) {
		RateLimit limit = limits.get(channel);
		try {
			limiter.consume("channel:" + channel.key(), limit);
			return Optional.empty();
		}
		catch (KrugException ex) {
			Duration wait = ex.retryAfter();
			return Optional.of(wait == null ? Duration.ofSeconds(1) : wait);
		}
	}

	private static RateLimit perSecond(String name, long capacity) {
		return new RateLimit(name, capacity, Duration.ofSeconds(1));
	}
}
