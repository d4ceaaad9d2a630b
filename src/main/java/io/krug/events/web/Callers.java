package io.krug.events.web;

import io.krug.events.internal.EventsError;
import io.krug.identity.KrugPrincipal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who calls: the member endpoints' member, or staff. */
final class Callers {

	private Callers() {
	}

	/** The calling member's id; a 403 {@code members_only} for staff and API keys. */
	static UUID member() {
		KrugPrincipal caller = KrugPrincipal.require();
		if (!caller.isMember()) {
			throw EventsError.MEMBERS_ONLY.exception("Only members can do this; staff use the admin endpoints.");
		}
		return caller.id();
	}

	/** The calling member's id, or {@code null} for staff looking at the member endpoints. */
	static @Nullable UUID memberOrNull() {
		KrugPrincipal caller = KrugPrincipal.require();
		return caller.isMember() ? caller.id() : null;
	}
}
