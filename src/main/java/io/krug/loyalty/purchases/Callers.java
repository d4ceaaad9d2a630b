package io.krug.loyalty.purchases;

import io.krug.identity.KrugPrincipal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which purchases a caller may record and see. */
final class Callers {

	/** Matches no business: staff of no business see nothing. */
	private static final UUID NONE = new UUID(0, 0);

	private Callers() {
	}

	/**
	 * The one business whose purchases a business's staff may record and see; {@code null} for platform admins and
	 * API keys, who act for every business of their program.
	 */
	static @Nullable UUID businessScope(KrugPrincipal caller) {
		if (caller.isStaff() && !caller.isPlatformAdmin()) {
			return caller.businessId() == null ? NONE : caller.businessId();
		}
		return null;
	}

	/** Whether the caller may act for the business; others are told it does not exist. */
	static boolean mayActFor(KrugPrincipal caller, UUID businessId) {
		UUID scope = businessScope(caller);
		return scope == null || scope.equals(businessId);
	}
}
