package io.krug.platform.idempotency;

import io.krug.platform.idempotency.Claim.StoredResponse;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PayloadTooLargeException;
import io.krug.platform.web.PlatformError;
import io.krug.platform.web.ProblemWriter;
import io.krug.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Enforces {@link Idempotent}: runs after Spring Security (the caller and program are known), claims the request's
 * {@code Idempotency-Key} in its own committed transaction (or, for {@link Idempotent#sharedTransaction()}, in the
 * request's, see {@link SharedTransactionRun}), and then runs the request once, replays its stored response, or
 * rejects the duplicate.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String KEY_HEADER = "Idempotency-Key";

	static final String REPLAY_HEADER = "Idempotency-Replay";

	static final String PROGRAM_HEADER = "X-Krug-Program";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private final IdempotentHandlers handlers;

	private final IdempotencyKeys keys;

	private final Programs programs;

	private final ProblemWriter problems;

	private final SharedTransactionRun shared;

	private final Clock clock;

	IdempotencyFilter(IdempotentHandlers handlers, IdempotencyKeys keys, SharedTransactionRun shared,
			Programs programs, ProblemWriter problems, Clock clock) {
		this.handlers = handlers;
		this.keys = keys;
		this.shared = shared;
		this.programs = programs;
		this.problems = problems;
		this.clock = clock;
	}

	/** Safe methods change nothing, so they are never looked up (keeps GETs free of the handler lookup). */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Idempotent idempotent = handlers.find(request);
		String key = request.getHeader(KEY_HEADER);
		if (idempotent == null || key == null && !idempotent.required()) {
			chain.doFilter(request, response);
			return;
		}
		if (key == null) {
			problems.write(response, PlatformError.IDEMPOTENCY_KEY_REQUIRED,
					"This request moves value: send an Idempotency-Key header (e.g. a UUID) and reuse it on retries.");
			return;
		}
		if (!VALID_KEY.matcher(key).matches() || key.isBlank()) {
			problems.write(response, PlatformError.IDEMPOTENCY_KEY_INVALID,
					"The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
			return;
		}
		byte[] body;
		KeyScope scope;
		try {
			body = request.getInputStream().readAllBytes();
			scope = new KeyScope(program(request), principal(), key);
		}
		catch (PayloadTooLargeException ex) {
			problems.write(response, PlatformError.PAYLOAD_TOO_LARGE, ex.getMessage());
			return;
		}
		catch (KrugException ex) {
			problems.write(response, ex.error(), ex.getMessage());
			return;
		}
		String hash = Fingerprint.of(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
		HttpServletRequest cached = new CachedBodyRequest(request, body);
		if (idempotent.sharedTransaction()) {
			runShared(cached, response, chain, scope, hash);
			return;
		}
		Claim claim = TenantContext.call(scope.program(), () -> keys.claim(scope, hash, clock.instant()));
		if (claim instanceof Claim.Acquired acquired) {
			run(cached, response, chain, scope, acquired.claimId());
		}
		else {
			answer(claim, response);
		}
	}

	/** Runs the request in one transaction with its key, on behalf of the key's program (bound for it if need be). */
	private void runShared(HttpServletRequest request, HttpServletResponse response, FilterChain chain, KeyScope scope,
			String hash) throws ServletException, IOException {
		boolean bind = TenantContext.current().isEmpty();
		if (bind) {
			TenantContext.bind(scope.program());
		}
		try {
			Claim refused = shared.run(request, response, chain, scope, hash);
			if (refused != null) {
				answer(refused, response);
			}
		}
		catch (CannotCreateTransactionException ex) {
			log.warn("No database connection for an idempotent request: {}", ex.getMessage());
			problems.write(response, Problems.of(PlatformError.SERVICE_UNAVAILABLE,
					"The service is busy; retry in a moment (same Idempotency-Key)."), Duration.ofSeconds(1));
		}
		finally {
			if (bind) {
				TenantContext.clear();
			}
		}
	}

	/** Answers a request whose key could not be claimed. */
	private void answer(Claim claim, HttpServletResponse response) throws IOException {
		switch (claim) {
			case Claim.Acquired acquired -> throw new IllegalStateException("An acquired claim is run, not answered");
			case Claim.Replay replay -> replay(response, replay.response());
			case Claim.InUse inUse -> problems.write(response, Problems.of(PlatformError.IDEMPOTENCY_KEY_IN_USE,
					"A request with this Idempotency-Key is still being processed; retry later."), inUse.retryAfter());
			case Claim.Reused reused -> problems.write(response, PlatformError.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was already used for a different request.");
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, KeyScope scope,
			UUID claimId) throws ServletException, IOException {
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, captured);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			release(scope, claimId);
			throw ex;
		}
		if (captured.getStatus() >= 500) {
			release(scope, claimId);
		}
		else {
			store(scope, claimId, captured);
		}
		captured.copyBodyToResponse();
	}

	private void store(KeyScope scope, UUID claimId, ContentCachingResponseWrapper captured) {
		StoredResponse stored = StoredResponse.of(captured);
		try {
			boolean kept = TenantContext.call(scope.program(),
					() -> keys.complete(scope, claimId, stored, clock.instant()));
			if (!kept) {
				log.warn("Idempotency key lease expired before the request finished; its response was not stored");
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not store the response of an idempotent request; the key stays locked until its lease "
					+ "ends", ex);
		}
	}

	private void release(KeyScope scope, UUID claimId) {
		try {
			TenantContext.run(scope.program(), () -> keys.release(scope, claimId));
		}
		catch (RuntimeException ex) {
			log.error("Could not release an idempotency key; it stays locked until its lease ends", ex);
		}
	}

	private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
		response.setStatus(stored.status());
		stored.headers().forEach(response::setHeader);
		response.setHeader(REPLAY_HEADER, "true");
		response.setContentLength(stored.body().length);
		response.getOutputStream().write(stored.body());
		response.flushBuffer();
	}

	private ProgramId program(HttpServletRequest request) {
		return TenantContext.current().orElseGet(() -> programs.resolve(request.getHeader(PROGRAM_HEADER)).id());
	}

	private static String principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? "anonymous"
				: auth.getName();
	}
}
