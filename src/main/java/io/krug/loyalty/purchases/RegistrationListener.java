package io.krug.loyalty.purchases;

import io.krug.identity.MemberRegistered;
import io.krug.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Credits a new member's earlier purchases as an unmatched phone once their registration has committed. */
@Component
class RegistrationListener {

	static final String LISTENER_ID = "loyalty.unmatched-purchases";

	private static final Logger log = LoggerFactory.getLogger(RegistrationListener.class);

	private final UnmatchedClaims claims;

	RegistrationListener(UnmatchedClaims claims) {
		this.claims = claims;
	}

	/**
	 * At least once per registration; no transaction of its own ({@code NOT_SUPPORTED}), so that the claim's starts
	 * with the member's program bound and row-level security shows its rows.
	 */
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(MemberRegistered event) {
		int credited = TenantContext.call(event.programId(),
				() -> claims.claim(event.memberId(), event.phone(), event.at()));
		if (credited > 0) {
			log.info("Credited {} earlier purchase(s) to new member {}", credited, event.memberId());
		}
	}
}
