package io.krug.loyalty.badges;

import io.krug.identity.MemberRegistered;
import io.krug.platform.tenancy.TenantContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives a member who registered themselves ({@code source = "self"}) the {@code first_registration} badge
 * ("Первопроходец"); members an admin imported did not register, so they do not get it. Delivery is at least once;
 * the badge's key makes a repeat a no-op.
 */
@Component
class FirstRegistrationBadge {

	static final String LISTENER_ID = "loyalty.first-registration-badge";

	static final String SELF = "self";

	private final BadgeService badges;

	FirstRegistrationBadge(BadgeService badges) {
		this.badges = badges;
	}

	/** No transaction of its own: the work's transaction starts once the program is bound (row-level security). */
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(MemberRegistered event) {
		if (SELF.equals(event.source())) {
			TenantContext.run(event.programId(), () -> badges.awardFirstRegistration(event.memberId(), event.at()));
		}
	}
}
