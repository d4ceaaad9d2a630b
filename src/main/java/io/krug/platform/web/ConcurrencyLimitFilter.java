package io.krug.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the requests in flight whose path starts with one of {@code krug.http.concurrency.paths} (the API, by
 * default) at {@code krug.http.concurrency.max-in-flight} (64) per replica. One more waits at most
 * {@code krug.http.concurrency.max-wait} (50 ms) for a slot and is then answered 503 {@code service_unavailable} with
 * {@code Retry-After} (1 s) at once, instead of queueing for a database connection until every request's latency
 * collapses. Shed requests are counted in {@code krug_http_shed_total}. A {@code max-in-flight} of 0 turns the cap
 * off. Set it to a small multiple of the database pool: beyond that, more requests in flight only wait longer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ConcurrencyLimitFilter extends OncePerRequestFilter {

	private final int maxInFlight;

	private final Semaphore slots;

	private final Duration maxWait;

	private final List<String> paths;

	private final ProblemWriter problems;

	private final Counter shed;

	ConcurrencyLimitFilter(@Value("${krug.http.concurrency.max-in-flight:64}") int maxInFlight,
			@Value("${krug.http.concurrency.max-wait:50ms}") Duration maxWait,
			@Value("${krug.http.concurrency.paths:/api/}") List<String> paths, ProblemWriter problems,
			MeterRegistry meters) {
		this.maxInFlight = maxInFlight;
		this.slots = new Semaphore(Math.max(0, maxInFlight));
		this.maxWait = maxWait;
		this.paths = List.copyOf(paths);
		this.problems = problems;
		this.shed = Counter.builder("krug.http.shed")
			.description("Requests answered 503 because the in-flight cap was reached")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return maxInFlight <= 0 || paths.stream().noneMatch(uri::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!acquire()) {
			shed.increment();
			problems.write(response, Problems.of(PlatformError.SERVICE_UNAVAILABLE,
					"The service is at capacity; retry in a moment (same Idempotency-Key)."), Duration.ofSeconds(1));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			slots.release();
		}
	}

	private boolean acquire() {
		try {
			return slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
