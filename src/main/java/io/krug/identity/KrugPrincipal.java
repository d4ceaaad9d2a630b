package io.krug.identity;

import io.krug.platform.tenancy.ProgramId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of a request: a member, a staff member or an API key, always of exactly one program.
 *
 * @param kind what kind of caller
 * @param id the member's, staff member's or API key's id
 * @param programId the program the credentials belong to; every query of the request is confined to it
 * @param role the member's or staff member's role; {@code null} for API keys
 * @param businessId for business managers and owners, the business they act for
 * @param authorities permission and scope authorities
 */
public record KrugPrincipal(Kind kind, UUID id, ProgramId programId, @Nullable Role role, @Nullable UUID businessId,
		Set<String> authorities) implements java.security.Principal {

	/** The caller as {@link #actor()}: what audit columns and idempotency keys are scoped by. */
	@Override
	public String getName() {
		return actor();
	}

	public enum Kind {

		MEMBER, STAFF, API_KEY

	}

	public boolean isMember() {
		return kind == Kind.MEMBER;
	}

	public boolean isStaff() {
		return kind == Kind.STAFF;
	}

	public boolean isApiKey() {
		return kind == Kind.API_KEY;
	}

	public boolean isPlatformAdmin() {
		return role == Role.PLATFORM_ADMIN;
	}

	public boolean has(Permission permission) {
		return authorities.contains(permission.authority());
	}

	public boolean has(ApiScope scope) {
		return authorities.contains(scope.authority());
	}

	/** A short label of the caller for audit columns, e.g. {@code staff:0193…}. */
	public String actor() {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}

	/** The caller of the current request, if authenticated. */
	public static Optional<KrugPrincipal> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof KrugPrincipal p ? Optional.of(p) : Optional.empty();
	}

	/** The caller of the current request; only for endpoints the security configuration already guards. */
	public static KrugPrincipal require() {
		return current().orElseThrow(() -> new IllegalStateException("No authenticated caller; indicates a bug"));
	}
}
