package io.krug.rewards.coupons;

import io.krug.identity.MemberErased;
import io.krug.identity.MemberRegistered;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.TenantContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@link RewardsAudience}'s members up to date from identity's and loyalty's events (its purchases come from
 * the cross-promotions' purchase listener, which hears each purchase once for both), at least once each (the writes are
 * idempotent). No transaction of their own ({@code NOT_SUPPORTED}): each starts one with the event's program bound,
 * so that row-level security applies.
 */
@Component
class RewardsAudienceListeners {

	private final RewardsAudience audience;

	private final TransactionTemplate tx;

	RewardsAudienceListeners(RewardsAudience audience, TransactionTemplate tx) {
		this.audience = audience;
		this.tx = tx;
	}

	@ApplicationModuleListener(id = "rewards.audience.registered",
			propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void on(MemberRegistered event) {
		TenantContext.run(event.programId(),
				() -> tx.executeWithoutResult(s -> audience.memberJoined(event.memberId())));
	}

	@ApplicationModuleListener(id = "rewards.audience.tier",
			propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void on(TierChanged event) {
		TenantContext.run(event.programId(),
				() -> tx.executeWithoutResult(s -> audience.statusChanged(event.memberId(), event.to())));
	}

	@ApplicationModuleListener(id = "rewards.audience.erased",
			propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void on(MemberErased event) {
		TenantContext.run(event.programId(),
				() -> tx.executeWithoutResult(s -> audience.memberErased(event.memberId())));
	}
}
