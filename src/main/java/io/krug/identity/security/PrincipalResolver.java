package io.krug.identity.security;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.MemberStatus;
import io.krug.identity.Permission;
import io.krug.identity.Role;
import io.krug.identity.internal.ApiKeys;
import io.krug.identity.internal.JwtService;
import io.krug.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a bearer credential into the caller. For tokens it checks, in one query, that the session is live and the
 * account active, and takes the role as it is now (a member's status may have changed since the token was issued).
 */
@Component
class PrincipalResolver {

	static final String TOTP_ENROLLMENT = "totp_enrollment";

	private final JwtService jwt;

	private final ApiKeys apiKeys;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	PrincipalResolver(JwtService jwt, ApiKeys apiKeys, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jwt = jwt;
		this.apiKeys = apiKeys;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	Optional<KrugPrincipal> resolve(String bearer) {
		if (bearer.startsWith(ApiKeys.PREFIX)) {
			return apiKeys.authenticate(bearer).map(key -> {
				Set<String> authorities = new LinkedHashSet<>();
				key.scopes().forEach(s -> authorities.add(s.authority()));
				return new KrugPrincipal(KrugPrincipal.Kind.API_KEY, key.id(), key.programId(), null, null,
						Set.copyOf(authorities));
			});
		}
		return jwt.verify(bearer).flatMap(claims -> TenantContext.call(claims.program(),
				() -> tx.execute(status -> "member".equals(claims.kind()) ? member(claims) : staff(claims))));
	}

	private Optional<KrugPrincipal> member(JwtService.AccessClaims claims) {
		return jdbc.sql("""
				SELECT m.status FROM identity.sessions s
				JOIN identity.members m ON m.id = s.subject_id AND m.program_id = s.program_id
				WHERE s.id = :sid AND s.subject_id = :sub AND s.program_id = :p AND s.subject_kind = 'member'
				  AND s.revoked_at IS NULL AND s.expires_at > :now AND m.is_active""")
			.param("sid", claims.session())
			.param("sub", claims.subject())
			.param("p", claims.program().value())
			.param("now", Timestamp.from(clock.instant()))
			.query(String.class)
			.optional()
			.map(status -> {
				Role role = Role.forMemberStatus(MemberStatus.fromKey(status));
				return new KrugPrincipal(KrugPrincipal.Kind.MEMBER, claims.subject(), claims.program(), role, null,
						authorities(role));
			});
	}

	private Optional<KrugPrincipal> staff(JwtService.AccessClaims claims) {
		return jdbc.sql("""
				SELECT st.role, st.business_id, st.totp_enabled, coalesce(ps.staff_totp_required, false)
				FROM identity.sessions s
				JOIN identity.staff st ON st.id = s.subject_id AND st.program_id = s.program_id
				LEFT JOIN identity.program_settings ps ON ps.program_id = s.program_id
				WHERE s.id = :sid AND s.subject_id = :sub AND s.program_id = :p AND s.subject_kind = 'staff'
				  AND s.revoked_at IS NULL AND s.expires_at > :now AND st.is_active""")
			.param("sid", claims.session())
			.param("sub", claims.subject())
			.param("p", claims.program().value())
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> {
				Role role = Role.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
				UUID business = rs.getObject(2, UUID.class);
				boolean enrolled = rs.getBoolean(3);
				boolean required = rs.getBoolean(4);
				Set<String> authorities = required && !enrolled ? Set.of(TOTP_ENROLLMENT) : authorities(role);
				return new KrugPrincipal(KrugPrincipal.Kind.STAFF, claims.subject(), claims.program(), role, business,
						authorities);
			})
			.optional();
	}

	static Set<String> authorities(Role role) {
		Set<String> authorities = new LinkedHashSet<>();
		authorities.add(role.authority());
		role.permissions().stream().map(Permission::authority).forEach(authorities::add);
		return Set.copyOf(authorities);
	}
}
