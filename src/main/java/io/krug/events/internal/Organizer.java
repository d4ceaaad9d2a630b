package io.krug.events.internal;

import io.krug.identity.KrugPrincipal;
import io.krug.identity.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who manages events in a call: a platform admin (every event), business staff (events at their business), or the
 * program itself (the facade: demo data, other modules), which acts like an admin.
 *
 * @param businessId the business staff's business; {@code null} for admins and the program
 * @param owner whether business staff may create and edit (owners) or only run the door (managers)
 */
public record Organizer(boolean admin, @Nullable UUID businessId, boolean owner, String actor) {

	public static Organizer of(KrugPrincipal principal) {
		boolean admin = principal.isPlatformAdmin();
		return new Organizer(admin, admin ? null : principal.businessId(), principal.role() == Role.BUSINESS_OWNER,
				principal.actor());
	}

	static Organizer program(String actor) {
		return new Organizer(true, null, false, actor);
	}

	/** Staff of the event's business, or an admin: may see its registrations, check in, register members. */
	public void requireStaffOf(Event event) {
		if (!admin && (businessId == null || !businessId.equals(event.businessId()))) {
			throw EventsError.NOT_YOUR_BUSINESS.exception("Only the staff of the event's business or an admin may do this.");
		}
	}

	/** An admin or the owner of the event's business: may edit, cancel and fund it. */
	public void requireOrganizerOf(@Nullable UUID eventBusiness) {
		if (!admin && (!owner || businessId == null || !businessId.equals(eventBusiness))) {
			throw EventsError.NOT_YOUR_BUSINESS
				.exception("Business owners organize events at their own business only; admins organize any.");
		}
	}
}
