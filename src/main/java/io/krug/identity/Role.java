package io.krug.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The roles of seed 003's RBAC table, each inheriting the permissions of the one it names. Member roles follow the
 * member's status (granted by the loyalty module); staff roles are given by a platform admin.
 */
public enum Role {

	CLIENT_INSIDER(null, Permission.VIEW_OWN_PROFILE, Permission.VIEW_OWN_TRANSACTIONS,
			Permission.REGISTER_FOR_OPEN_EVENTS, Permission.USE_QR_WALLET),
	CLIENT_VIP(CLIENT_INSIDER, Permission.CREATE_EVENT_PROPOSALS, Permission.VOTE_ON_PROPOSALS,
			Permission.REGISTER_FOR_VIP_EVENTS),
	CLIENT_ELITE(CLIENT_VIP, Permission.WEIGHTED_VOTING, Permission.REGISTER_FOR_ELITE_EVENTS,
			Permission.ACCESS_CONCIERGE),
	CLIENT_INNER_CIRCLE(CLIENT_ELITE, Permission.VETO_PROPOSALS),
	BUSINESS_MANAGER(null, Permission.VIEW_OWN_BUSINESS_ANALYTICS, Permission.SCAN_QR_CODES,
			Permission.MANUAL_TRANSACTION_ENTRY, Permission.VIEW_CUSTOMER_LIST),
	BUSINESS_OWNER(BUSINESS_MANAGER, Permission.CONFIGURE_INTEGRATIONS, Permission.CREATE_PROMOTIONS,
			Permission.EXPORT_ANALYTICS, Permission.VIEW_CROSS_ANALYTICS),
	/** Every permission ('*' in the seed). */
	PLATFORM_ADMIN(null, Permission.values());

	private final Set<Permission> permissions;

	Role(@Nullable Role parent, Permission... own) {
		EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
		if (parent != null) {
			all.addAll(parent.permissions);
		}
		all.addAll(java.util.List.of(own));
		this.permissions = Collections.unmodifiableSet(all);
	}

	/** Own and inherited permissions. */
	public Set<Permission> permissions() {
		return permissions;
	}

	public boolean isStaff() {
		return this == BUSINESS_MANAGER || this == BUSINESS_OWNER || this == PLATFORM_ADMIN;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The member role for a loyalty status (insider, vip, elite, inner_circle). */
	public static Role forMemberStatus(MemberStatus status) {
		return switch (status) {
			case INSIDER -> CLIENT_INSIDER;
			case VIP -> CLIENT_VIP;
			case ELITE -> CLIENT_ELITE;
			case INNER_CIRCLE -> CLIENT_INNER_CIRCLE;
		};
	}
}
