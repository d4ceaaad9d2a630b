package io.krug.rewards.coupons;

import io.krug.identity.KrugPrincipal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which businesses a caller acts for: business staff only their own; admins and API keys every one. */
public final class BusinessScope {

	/** Matches no business: staff of no business act for none. */
	private static final UUID NONE = new UUID(0, 0);

	private BusinessScope() {
	}

	/** The caller's one business, or {@code null} for platform admins and API keys. */
	public static @Nullable UUID of(KrugPrincipal caller) {
		if (caller.isStaff() && !caller.isPlatformAdmin()) {
			return caller.businessId() == null ? NONE : caller.businessId();
		}
		return null;
	}

	public static boolean mayActFor(KrugPrincipal caller, UUID business) {
		UUID scope = of(caller);
		return scope == null || scope.equals(business);
	}
}
