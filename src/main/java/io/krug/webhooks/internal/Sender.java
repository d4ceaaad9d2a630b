package io.krug.webhooks.internal;

import io.krug.platform.crypto.SecretBox;
import io.krug.platform.ratelimit.RateLimit;
import io.krug.platform.ratelimit.RateLimiter;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one claimed message: checks the target, takes a token from the endpoint's rate limit, signs and POSTs the
 * payload with the JDK client (redirects are not followed), and reads at most the first 1 KB of the answer. The
 * whole exchange is bounded by the timeout. Never throws: every failure is an {@link Outcome}.
 */
final class Sender {

	static final String USER_AGENT = "Krug-Webhooks/1";

	static final int BODY_LIMIT = 1024;

	private static final int ERROR_LIMIT = 500;

	private final HttpClient client;

	private final TargetGuard guard;

	private final SecretBox box;

	private final EndpointRepository endpoints;

	private final RateLimiter rateLimiter;

	private final Clock clock;

	private final Duration timeout;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> throttledUntil = new ConcurrentHashMap<>();

	Sender(HttpClient client, TargetGuard guard, SecretBox box, EndpointRepository endpoints, RateLimiter rateLimiter,
			Clock clock, Duration timeout) {
		this.client = client;
		this.guard = guard;
		this.box = box;
		this.endpoints = endpoints;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
		this.timeout = timeout;
	}

	static HttpClient httpClient(Duration timeout) {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	Outcome send(Claimed m) {
		Instant now = clock.instant();
		URI uri = URI.create(m.url());
		try {
			guard.checkDelivery(uri);
		}
		catch (TargetGuard.Refused ex) {
			return Outcome.notSent(m, Outcome.Kind.BLOCKED, now, ex.getMessage());
		}
		catch (UnknownHostException ex) {
			return Outcome.notSent(m, Outcome.Kind.FAILED, now, "cannot resolve " + uri.getHost());
		}
		Duration wait = throttle(m, now);
		if (wait != null) {
			return Outcome.deferred(m, now, wait);
		}
		return post(m, uri, now);
	}

	private Outcome post(Claimed m, URI uri, Instant now) {
		long timestamp = now.getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.POST(HttpRequest.BodyPublishers.ofString(m.payload(), StandardCharsets.UTF_8));
		endpoints.openHeaders(m.headers()).forEach(request::header);
		request.setHeader("Content-Type", "application/json")
			.setHeader("User-Agent", USER_AGENT)
			.setHeader("webhook-id", m.messageId().toString())
			.setHeader("webhook-timestamp", Long.toString(timestamp))
			.setHeader("webhook-signature",
					Signatures.header(signingKeys(m, now), m.messageId().toString(), timestamp, m.payload()));
		long started = System.nanoTime();
		CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info -> prefix());
		try {
			HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return answered(m, now, response, elapsed(started));
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return failed(m, now, elapsed(started), timedOut());
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			return failed(m, now, elapsed(started),
					cause instanceof HttpTimeoutException ? timedOut() : describe(cause));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.cancel(true);
			return failed(m, now, elapsed(started), "interrupted");
		}
	}

	private static Outcome answered(Claimed m, Instant now, HttpResponse<byte[]> response, long millis) {
		int status = response.statusCode();
		String body = text(response.body());
		Outcome.Kind kind = status >= 200 && status < 300 ? Outcome.Kind.SUCCEEDED
				: status == 410 ? Outcome.Kind.GONE : Outcome.Kind.FAILED;
		Duration retryAfter = status == 429 || status == 503
				? retryAfter(response.headers().firstValue("Retry-After").orElse(null), now) : null;
		String error = kind == Outcome.Kind.SUCCEEDED ? null
				: status >= 300 && status < 400 ? "redirect not followed (HTTP " + status + ")" : "HTTP " + status;
		return new Outcome(m, kind, now, status, millis, body, error, retryAfter);
	}

	private static Outcome failed(Claimed m, Instant now, long millis, String error) {
		return new Outcome(m, Outcome.Kind.FAILED, now, null, millis, null, error, null);
	}

	/** The wait the endpoint's rate limit imposes, or {@code null} to send now. */
	private @Nullable Duration throttle(Claimed m, Instant now) {
		Integer perSecond = m.rateLimitPerSecond();
		if (perSecond == null) {
			return null;
		}
		Instant until = throttledUntil.get(m.endpointId());
		if (until != null && until.isAfter(now)) {
			return Duration.between(now, until);
		}
		try {
			rateLimiter.consume("webhook-endpoint:" + m.endpointId(),
					new RateLimit("webhook-endpoint", perSecond, Duration.ofSeconds(1)));
			return null;
		}
		catch (KrugException ex) {
			if (ex.error() != PlatformError.RATE_LIMITED) {
				throw ex;
			}
			Duration wait = ex.retryAfter() == null ? Duration.ofSeconds(1) : ex.retryAfter();
			throttledUntil.put(m.endpointId(), now.plus(wait));
			return wait;
		}
	}

	private List<byte[]> signingKeys(Claimed m, Instant now) {
		List<byte[]> list = new ArrayList<>(2);
		list.add(key(m.secret()));
		if (m.previousSecret() != null && m.previousSecretExpiresAt() != null
				&& m.previousSecretExpiresAt().isAfter(now)) {
			list.add(key(m.previousSecret()));
		}
		return list;
	}

	private byte[] key(String sealed) {
		if (keys.size() > 10_000) {
			keys.clear();
		}
		return keys.computeIfAbsent(sealed, s -> Signatures.key(box.decrypt(s)));
	}

	/** {@code Retry-After} as seconds or an HTTP date; {@code null} when absent or unreadable. */
	static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				wait = Duration.between(now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
			}
			catch (java.time.format.DateTimeParseException unreadable) {
				return null;
			}
		}
		if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return wait.compareTo(RetrySchedule.MAX_RETRY_AFTER) > 0 ? RetrySchedule.MAX_RETRY_AFTER : wait;
	}

	private String timedOut() {
		return "timed out after " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
				: timeout.toMillis() + " ms");
	}

	private static long elapsed(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	private static String describe(Throwable cause) {
		String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
		return text.length() > ERROR_LIMIT ? text.substring(0, ERROR_LIMIT) : text;
	}

	private static @Nullable String text(byte[] bytes) {
		return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
	}

	/** Keeps the first {@link #BODY_LIMIT} bytes of a response body and discards the rest as it arrives. */
	private static HttpResponse.BodySubscriber<byte[]> prefix() {
		return HttpResponse.BodySubscribers.fromSubscriber(new Prefix(), Prefix::bytes);
	}

	private static final class Prefix implements Flow.Subscriber<List<ByteBuffer>> {

		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int room = BODY_LIMIT - kept.size();
				if (room <= 0) {
					return;
				}
				byte[] chunk = new byte[Math.min(room, buffer.remaining())];
				buffer.get(chunk);
				kept.writeBytes(chunk);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			// the exchange's future fails with it
		}

		@Override
		public void onComplete() {
			// bytes() reads what was kept
		}

		byte[] bytes() {
			return kept.toByteArray();
		}

	}
}
