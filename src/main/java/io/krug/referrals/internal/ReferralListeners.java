package io.krug.referrals.internal;

import io.krug.identity.MemberErased;
import io.krug.identity.MemberRegistered;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.PurchaseRefunded;
import io.krug.loyalty.PurchasesImported;
import io.krug.platform.tenancy.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to registrations, purchases, refunds and erasures inside the publishing transaction (a plain
 * {@code @EventListener}; see docs/adr/0010-referrals.md): an attribution or a reward exists exactly when the
 * registration or purchase that caused it does. Each handler is idempotent, so a repeated event changes nothing.
 */
@Component
class ReferralListeners {

	private final ReferralAttributions attributions;

	private final ReferralRewards rewards;

	private final ReferralErasure forgetting;

	ReferralListeners(ReferralAttributions attributions, ReferralRewards rewards, ReferralErasure forgetting) {
		this.attributions = attributions;
		this.rewards = rewards;
		this.forgetting = forgetting;
	}

	@EventListener
	void on(MemberRegistered event) {
		TenantContext.run(event.programId(), () -> attributions.onRegistered(event));
	}

	@EventListener
	void on(PurchaseRecorded event) {
		TenantContext.run(event.programId(), () -> rewards.onPurchase(event));
	}

	/** An import's batch: each member's purchase as if recorded on its own. */
	@EventListener
	void on(PurchasesImported event) {
		TenantContext.run(event.programId(), () -> event.purchases().forEach(rewards::onPurchase));
	}

	@EventListener
	void on(PurchaseRefunded event) {
		TenantContext.run(event.programId(), () -> rewards.onRefund(event));
	}

	@EventListener
	void on(MemberErased event) {
		TenantContext.run(event.programId(), () -> forgetting.forget(event.memberId()));
	}
}
