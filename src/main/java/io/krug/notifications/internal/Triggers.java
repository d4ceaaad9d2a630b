package io.krug.notifications.internal;

import io.krug.identity.MemberErased;
import io.krug.identity.MemberRegistered;
import io.krug.ledger.BonusesExpired;
import io.krug.loyalty.BadgeAwarded;
import io.krug.loyalty.BonusesEarned;
import io.krug.loyalty.TierChanged;
import io.krug.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues messages for domain events just before the publishing transaction commits, in that transaction: the
 * messages exist exactly when the event's change does. Bonuses earned, announced by every purchase, are only
 * recorded there ({@link PendingNotifications}) and become messages when the delivery worker next runs. Each message's dedupe key comes from the event, so an event
 * published twice queues once. Loyalty triggers are service messages about the member's own account
 * ({@code loyalty} category), not marketing.
 */
@Component
class Triggers {

	private final Notifier notifier;

	private final Contacts contacts;

	private final PendingNotifications pending;

	Triggers(Notifier notifier, Contacts contacts, PendingNotifications pending) {
		this.notifier = notifier;
		this.contacts = contacts;
		this.pending = pending;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MemberRegistered e) {
		send(new Notification(e.programId().value(), e.memberId(), "welcome", "account", Priority.NORMAL,
				"welcome:" + e.memberId(), Map.of()));
	}

	/** Deferred: one row in the purchase's transaction, rendered by the worker ({@link PendingNotifications}). */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BonusesEarned e) {
		pending.defer(new Notification(e.programId().value(), e.memberId(), "bonuses_earned", "loyalty", Priority.NORMAL,
				"bonuses_earned:" + e.purchaseId() + ":" + e.amount().toPlainString(),
				Map.of("amount", plain(e.amount()), "available_at", e.availableAt().toString())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(TierChanged e) {
		send(new Notification(e.programId().value(), e.memberId(), "tier_changed", "loyalty", Priority.HIGH,
				"tier_changed:" + e.memberId() + ":" + e.to().name() + ":" + e.at(),
				Map.of("from_status", e.from().name().toLowerCase(java.util.Locale.ROOT), "to_status",
						e.to().name().toLowerCase(java.util.Locale.ROOT))));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BadgeAwarded e) {
		send(new Notification(e.programId().value(), e.memberId(), "badge_awarded", "loyalty", Priority.LOW,
				"badge_awarded:" + e.memberId() + ":" + e.badge(), Map.of("badge", e.badge())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BonusesExpired e) {
		send(new Notification(e.programId().value(), e.memberId(), "bonuses_expired", "loyalty", Priority.NORMAL,
				"bonuses_expired:" + e.memberId() + ":" + e.at(), Map.of("amount", plain(e.amount()))));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MemberErased e) {
		TenantContext.run(e.programId(), () -> contacts.erase(e.programId().value(), e.memberId()));
	}

	private void send(Notification n) {
		TenantContext.run(new io.krug.platform.tenancy.ProgramId(n.programId()), () -> notifier.notify(n));
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}
}
