package io.krug.identity;

import java.util.Locale;

/**
 * What a caller may do. Member and staff permissions are those of seed 003's RBAC table; the admin ones cover the
 * administration API. The authority string is the lower-case name, e.g. {@code hasAuthority('manage_staff')}.
 */
public enum Permission {

	// members (client_insider and up)
	VIEW_OWN_PROFILE, VIEW_OWN_TRANSACTIONS, REGISTER_FOR_OPEN_EVENTS, USE_QR_WALLET,
	// client_vip
	CREATE_EVENT_PROPOSALS, VOTE_ON_PROPOSALS, REGISTER_FOR_VIP_EVENTS,
	// client_elite
	WEIGHTED_VOTING, REGISTER_FOR_ELITE_EVENTS, ACCESS_CONCIERGE,
	// client_inner_circle
	VETO_PROPOSALS,
	// business_manager
	VIEW_OWN_BUSINESS_ANALYTICS, SCAN_QR_CODES, MANUAL_TRANSACTION_ENTRY, VIEW_CUSTOMER_LIST,
	// business_owner
	CONFIGURE_INTEGRATIONS, CREATE_PROMOTIONS, EXPORT_ANALYTICS, VIEW_CROSS_ANALYTICS,
	// platform_admin only
	MANAGE_PROGRAM, MANAGE_MEMBERS, MANAGE_STAFF, MANAGE_API_KEYS, MANAGE_BUSINESSES, MANAGE_LEDGER, VIEW_MESSAGES;

	public String authority() {
		return name().toLowerCase(Locale.ROOT);
	}
}
