package io.krug.notifications.internal;

import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.referrals.ReferralRewarded;
import io.krug.rewards.AccessTokenExpiring;
import io.krug.rewards.CouponExpiring;
import io.krug.rewards.CurrencyBalanceLow;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues the messages of rewards and referrals in the publishing transaction, as {@link Triggers} does (seed 001's
 * scheduled checks: an access token expiring within 24 hours, a currency balance under the threshold, a referral
 * bonus earned; and coupons about to expire). A referral reward of quota units only (no bonus) says nothing.
 */
@Component
class RewardTriggers {

	private final Notifier notifier;

	RewardTriggers(Notifier notifier) {
		this.notifier = notifier;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CouponExpiring e) {
		send(new Notification(e.programId().value(), e.memberId(), "coupon_expiring", "loyalty", Priority.NORMAL,
				"coupon_expiring:" + e.couponId(), Map.of("coupon_title", e.title(), "valid_until",
						e.validUntil().toString())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AccessTokenExpiring e) {
		send(new Notification(e.programId().value(), e.memberId(), "access_token_expiring", "account",
				Priority.NORMAL, "access_token_expiring:" + e.tokenId(), Map.of("scope", e.scope(), "expires_at",
						e.expiresAt().toString())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CurrencyBalanceLow e) {
		send(new Notification(e.programId().value(), e.memberId(), "currency_balance_low", "account", Priority.HIGH,
				"currency_balance_low:" + e.memberId() + ":" + e.at(), Map.of("balance", plain(e.balance()),
						"threshold", plain(e.threshold()))));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReferralRewarded e) {
		if (e.bonus().signum() > 0) {
			send(new Notification(e.programId().value(), e.memberId(), "referral_rewarded", "loyalty",
					Priority.NORMAL, "referral_rewarded:" + e.referralId() + ":" + e.memberId(),
					Map.of("bonus", plain(e.bonus()), "role", e.role())));
		}
	}

	private void send(Notification n) {
		TenantContext.run(new ProgramId(n.programId()), () -> notifier.notify(n));
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}
}
