package io.krug.partners.internal;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Permission;
import io.krug.identity.Role;
import java.util.UUID;

/**
 * What a caller may do with one business in the admin space. Platform admins ({@code manage_businesses}) manage
 * every business; its owner edits its descriptive fields and runs its promotions; its managers may look; to anyone
 * else it does not exist (404, so the admin space does not reveal other businesses).
 */
enum BusinessAccess {

	NONE, VIEW, OWN, ADMIN;

	static BusinessAccess of(KrugPrincipal caller, UUID businessId) {
		if (caller.has(Permission.MANAGE_BUSINESSES)) {
			return ADMIN;
		}
		if (!caller.isStaff() || !businessId.equals(caller.businessId())) {
			return NONE;
		}
		return caller.role() == Role.BUSINESS_OWNER ? OWN : VIEW;
	}

	/** Whether the caller may see any business at all in the admin space. */
	static boolean mayManageAny(KrugPrincipal caller) {
		return caller.has(Permission.MANAGE_BUSINESSES) || caller.isStaff() && caller.businessId() != null;
	}

	boolean canView() {
		return this != NONE;
	}

	boolean canEdit() {
		return this == OWN || this == ADMIN;
	}

	boolean canRunPromotions(KrugPrincipal caller) {
		return this == ADMIN || this == OWN && caller.has(Permission.CREATE_PROMOTIONS);
	}
}
