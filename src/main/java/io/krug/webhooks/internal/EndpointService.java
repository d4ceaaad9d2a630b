package io.krug.webhooks.internal;

import io.krug.identity.ApiScope;
import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.PlatformError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing endpoints. Admins ({@code manage_program}) and API keys with {@code webhooks:manage} manage all of the
 * program's endpoints; when the program allows it, a member manages their own, which receive only events about
 * them. An endpoint the caller may not see is not found.
 */
@Service
public class EndpointService {

	/** How long the secret before a rotation still signs deliveries. */
	public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

	private final EndpointRepository endpoints;

	private final WebhookSettingsRepository settings;

	private final WebhookCatalog catalog;

	private final TargetGuard guard;

	private final Clock clock;

	private final int memberEndpointLimit;

	EndpointService(EndpointRepository endpoints, WebhookSettingsRepository settings, WebhookCatalog catalog,
			TargetGuard guard, Clock clock, WebhookProperties properties) {
		this.endpoints = endpoints;
		this.settings = settings;
		this.catalog = catalog;
		this.guard = guard;
		this.clock = clock;
		this.memberEndpointLimit = properties.memberEndpointLimit();
	}

	/** A new endpoint and its signing secret, which is never shown again. */
	public record Created(Endpoint endpoint, String secret) {
	}

	/** The new secret; the previous one still signs until {@code previousSecretExpiresAt}. */
	public record Rotated(String secret, Instant previousSecretExpiresAt) {
	}

	@Transactional
	public Created create(KrugPrincipal caller, NewEndpoint request) {
		ProgramId program = TenantContext.require();
		@Nullable UUID member = scope(caller);
		if (member != null && endpoints.countOwnedBy(program, member) >= memberEndpointLimit) {
			throw WebhookError.ENDPOINT_LIMIT_REACHED
				.exception("A member may own at most " + memberEndpointLimit + " endpoints.");
		}
		String url = guard.validate("url", request.url()).toString();
		List<String> types = catalog.validate("event_types", request.eventTypes(), member != null);
		Map<String, String> headers = HeaderRules.validate(orEmpty(request.headers()));
		Instant now = clock.instant();
		Endpoint endpoint = new Endpoint(Ids.newId(), member, url, blankToNull(request.description()), types,
				!Boolean.FALSE.equals(request.active()), Boolean.TRUE.equals(request.ordered()),
				request.rateLimitPerSecond(), headers, null, null, null, null, caller.actor(), now, now);
		String secret = Signatures.newSecret();
		endpoints.insert(program, endpoint, secret);
		return new Created(endpoint, secret);
	}

	@Transactional(readOnly = true)
	public WebhookPage<Endpoint> list(KrugPrincipal caller, int limit, int offset) {
		return endpoints.page(TenantContext.require(), scope(caller), limit, offset);
	}

	@Transactional(readOnly = true)
	public Endpoint get(KrugPrincipal caller, UUID id) {
		return accessible(caller, id, false);
	}

	@Transactional
	public Endpoint update(KrugPrincipal caller, UUID id, EndpointChanges changes) {
		Endpoint e = accessible(caller, id, true);
		boolean forMember = e.ownerMemberId() != null;
		String url = changes.url() == null ? e.url() : guard.validate("url", changes.url()).toString();
		List<String> types = changes.eventTypes() == null ? e.eventTypes()
				: catalog.validate("event_types", changes.eventTypes(), forMember);
		Map<String, String> headers = changes.headers() == null ? e.headers()
				: HeaderRules.validate(changes.headers());
		String description = changes.description() == null ? e.description() : blankToNull(changes.description());
		Integer rate = changes.rateLimitPerSecond() == null ? e.rateLimitPerSecond()
				: changes.rateLimitPerSecond() == 0 ? null : changes.rateLimitPerSecond();
		boolean active = Objects.requireNonNullElse(changes.active(), e.active());
		boolean reenabled = active && !e.active();
		Endpoint updated = new Endpoint(e.id(), e.ownerMemberId(), url, description, types, active,
				Objects.requireNonNullElse(changes.ordered(), e.ordered()), rate, headers,
				e.previousSecretExpiresAt(), reenabled ? null : e.failingSince(), reenabled ? null : e.disabledAt(),
				reenabled ? null : e.disabledReason(), e.createdBy(), e.createdAt(), clock.instant());
		endpoints.update(TenantContext.require(), updated);
		return updated;
	}

	@Transactional
	public void delete(KrugPrincipal caller, UUID id) {
		Endpoint e = accessible(caller, id, true);
		endpoints.delete(TenantContext.require(), List.of(e.id()));
	}

	@Transactional
	public Rotated rotateSecret(KrugPrincipal caller, UUID id) {
		Endpoint e = accessible(caller, id, true);
		String secret = Signatures.newSecret();
		Instant now = clock.instant();
		Instant expires = now.plus(ROTATION_OVERLAP);
		endpoints.rotate(TenantContext.require(), e.id(), secret, expires, now);
		return new Rotated(secret, expires);
	}

	@Transactional(readOnly = true)
	public boolean memberEndpointsAllowed() {
		return settings.memberEndpointsAllowed(TenantContext.require());
	}

	@Transactional
	public boolean allowMemberEndpoints(boolean allowed, String actor) {
		settings.put(TenantContext.require(), allowed, actor, clock.instant());
		return allowed;
	}

	/** The endpoint if the caller may manage it (locked for update when asked), else 404. */
	Endpoint accessible(KrugPrincipal caller, UUID id, boolean lock) {
		return endpoints.find(TenantContext.require(), id, scope(caller), lock)
			.orElseThrow(() -> WebhookError.WEBHOOK_NOT_FOUND.exception("No webhook endpoint " + id + "."));
	}

	/**
	 * Whose endpoints the caller manages: {@code null} for all of the program's, or the member's id.
	 *
	 * @throws io.krug.platform.web.KrugException 403 when the caller may manage none
	 */
	@Nullable UUID scope(KrugPrincipal caller) {
		if (caller.has(Permission.MANAGE_PROGRAM) || caller.has(ApiScope.WEBHOOKS_MANAGE)) {
			return null;
		}
		if (caller.isMember()) {
			if (!settings.memberEndpointsAllowed(TenantContext.require())) {
				throw WebhookError.MEMBER_ENDPOINTS_NOT_ALLOWED
					.exception("This program does not let members own webhook endpoints.");
			}
			return caller.id();
		}
		throw PlatformError.FORBIDDEN.exception("You do not have the permission this action needs.");
	}

	private static Map<String, String> orEmpty(@Nullable Map<String, String> headers) {
		return headers == null ? Map.of() : headers;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
